// Test helpers for the mini-program's own tests (kept out of test/ because `node --test test/`
// runs every file there as a test file).
'use strict';

/** Lets promise callbacks run (setImmediate is not faked by our mock.timers setup). */
function flush() {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Fake setTimeout and Date, so cadence rules run in no real time. */
function fakeTime(t) {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_700_000_000_000 });
}

module.exports = { flush, fakeTime };
