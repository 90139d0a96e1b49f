// Test helpers shared by test/*.test.js (kept out of test/ because `node --test test/` runs every
// file there as a test file).
import { createEventBus } from '../src/event.js';
import { memoryStorage } from '../src/storage.js';
import { MessageChannel } from '../src/channel.js';

/**
 * A transport whose requests the test answers by hand, for the timing rules (cadence, overlap,
 * backoff) that run on node:test fake timers. HTTP itself is tested against a real node:http
 * server in http.test.js.
 */
function manualTransport() {
  const calls = [];
  function transport(options) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const call = {
      options,
      aborted: false,
      settled: false,
      answer(data, statusCode = 200, header = {}) {
        call.settled = true;
        resolve({ statusCode, header, data });
      },
      fail(kind, message = kind) {
        call.settled = true;
        reject(Object.assign(new Error(message), { kind }));
      }
    };
    calls.push(call);
    return {
      promise,
      abort() {
        call.aborted = true;
        call.fail('abort', 'request aborted');
      }
    };
  }
  return {
    transport,
    calls,
    inFlight: () => calls.filter((c) => !c.settled).length,
    last: () => calls[calls.length - 1]
  };
}

/** A bus plus a record of every event the channel triggered, by name. */
function recordingBus() {
  const bus = createEventBus({ onListenerError: () => {} });
  const events = {
    app_message_response: [], app_message_reset: [], app_message_error: [], app_message_poll: [],
    app_message_topic_reset: [], app_message_topic_refused: []
  };
  Object.keys(events).forEach((name) => bus.on(name, false).then((payload) => events[name].push(payload)));
  return { bus, events };
}

/** Lets promise callbacks run (setImmediate is not faked by our mock.timers setup). */
function flush() {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Fake setTimeout and Date, so cadence rules run in no real time. */
function fakeTime(t) {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_700_000_000_000 });
}

/** A channel on a manual transport and a recording bus; options override the defaults. */
function channelUnderTest(options = {}) {
  const manual = manualTransport();
  const { bus, events } = recordingBus();
  const storage = options.storage || memoryStorage();
  const channel = new MessageChannel({
    url: 'https://shop.example.com/api/message/index',
    bus,
    transport: manual.transport,
    storage,
    random: () => 0.5,
    ...options
  });
  return { channel, manual, events, bus, storage };
}

const ENVELOPE = { code: 0, msg: '', data: { test_msg: '测试消息' } };
const EMPTY = { code: 0, msg: '', data: null };

export { manualTransport, recordingBus, flush, fakeTime, channelUnderTest, ENVELOPE, EMPTY };
