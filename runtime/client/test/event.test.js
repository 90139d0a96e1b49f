import test from 'node:test';
import assert from 'node:assert/strict';
import { createEventBus } from '../src/event.js';

test('on with removeTrigger false_runs the listener on every trigger', () => {
  const bus = createEventBus();
  const seen = [];
  bus.on('app_message_response', false).then((r) => seen.push(r));
  bus.trigger('app_message_response', 1);
  bus.trigger('app_message_response', 2);
  bus.trigger('app_message_response', 3);
  assert.deepEqual(seen, [1, 2, 3]);
});

test('on with removeTrigger omitted_keeps the listener like false', () => {
  const bus = createEventBus();
  const seen = [];
  bus.on('x').then((r) => seen.push(r));
  bus.trigger('x', 'a');
  bus.trigger('x', 'b');
  assert.deepEqual(seen, ['a', 'b']);
});

test('on with removeTrigger true_runs the listener once', () => {
  const bus = createEventBus();
  const seen = [];
  bus.on('x', true).then((r) => seen.push(r));
  assert.equal(bus.trigger('x', 'first'), 1);
  assert.equal(bus.trigger('x', 'second'), 0);
  assert.deepEqual(seen, ['first']);
  assert.equal(bus.listenerCount('x'), 0);
});

test('await on removeTrigger true_resolves with the next payload', async () => {
  const bus = createEventBus();
  setTimeout(() => bus.trigger('ready', { ok: 1 }), 1);
  const payload = await bus.on('ready', true);
  assert.deepEqual(payload, { ok: 1 });
});

test('a once listener that triggers the same event from inside_runs only once', () => {
  const bus = createEventBus();
  let calls = 0;
  bus.on('x', true).then(() => {
    calls++;
    bus.trigger('x');
  });
  bus.trigger('x');
  assert.equal(calls, 1);
});

test('off with a callback_removes only that listener', () => {
  const bus = createEventBus();
  const seen = [];
  const a = (r) => seen.push('a' + r);
  const b = (r) => seen.push('b' + r);
  bus.on('x', false).then(a);
  bus.on('x', false).then(b);
  assert.equal(bus.off('x', a), 1);
  bus.trigger('x', 1);
  assert.deepEqual(seen, ['b1']);
});

test('off without a callback_removes every listener of that name only', () => {
  const bus = createEventBus();
  const seen = [];
  bus.on('x', false).then(() => seen.push('x'));
  bus.on('x', false).then(() => seen.push('x2'));
  bus.on('y', false).then(() => seen.push('y'));
  assert.equal(bus.off('x'), 2);
  bus.trigger('x');
  bus.trigger('y');
  assert.deepEqual(seen, ['y']);
});

test('the handle returned by then_unsubscribes that listener', () => {
  const bus = createEventBus();
  const seen = [];
  const subscription = bus.on('x', false).then((r) => seen.push(r));
  bus.trigger('x', 1);
  subscription.off();
  bus.trigger('x', 2);
  assert.deepEqual(seen, [1]);
});

test('a throwing listener_does not stop the others and is reported', () => {
  const reported = [];
  const bus = createEventBus({ onListenerError: (error, name) => reported.push([error.message, name]) });
  const seen = [];
  bus.on('x', false).then(() => {
    throw new Error('broken page');
  });
  bus.on('x', false).then((r) => seen.push(r));
  assert.equal(bus.trigger('x', 'payload'), 2);
  assert.deepEqual(seen, ['payload']);
  assert.deepEqual(reported, [['broken page', 'x']]);
});

test('a throwing once listener_is still removed', () => {
  const bus = createEventBus({ onListenerError: () => {} });
  let calls = 0;
  bus.on('x', true).then(() => {
    calls++;
    throw new Error('boom');
  });
  bus.trigger('x');
  bus.trigger('x');
  assert.equal(calls, 1);
});

test('listeners_run in registration order', () => {
  const bus = createEventBus();
  const order = [];
  [1, 2, 3].forEach((n) => bus.on('x', false).then(() => order.push(n)));
  bus.trigger('x');
  assert.deepEqual(order, [1, 2, 3]);
});

test('trigger without listeners_returns zero', () => {
  assert.equal(createEventBus().trigger('nobody', 1), 0);
});

test('bad arguments_get a clear TypeError', () => {
  const bus = createEventBus();
  assert.throws(() => bus.on('', false), /non-empty string/);
  assert.throws(() => bus.on('x', false).then('not a function'), /cb must be a function/);
  assert.throws(() => bus.trigger(undefined), /non-empty string/);
});
