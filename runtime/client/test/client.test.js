// The client's own API beside the original event bus: per-key listeners, targeted messages, off(), the
// default client, and following a page's visibility.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createClient, getDefaultClient, setDefaultClient, memoryStorage } from '../src/index.js';
import { manualTransport, flush, fakeTime } from '../test-support/fakes.js';

function clientUnderTest(options = {}) {
  const manual = manualTransport();
  const client = createClient({ url: 'https://shop.example.com/api/message/index', transport: manual.transport, storage: memoryStorage(), ...options });
  return { client, manual };
}

async function answer(t, manual, envelope) {
  manual.last().answer(envelope);
  await flush();
  t.mock.timers.tick(5000);
}

test('on(key)_runs for answers that carry the key, with its data and the envelope; off() stops it', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest();
  t.after(() => client.stop());
  const seen = [];
  const off = client.on('order_status', (data, envelope) => seen.push([data, envelope.code]));
  client.start();
  t.mock.timers.tick(0);
  await answer(t, manual, { code: 0, msg: '', data: { test_msg: 'x' } });
  await answer(t, manual, { code: 0, msg: '', data: { order_status: null } });
  await answer(t, manual, { code: 0, msg: '', data: { order_status: 'paid' } });
  off();
  await answer(t, manual, { code: 0, msg: '', data: { order_status: 'shipped' } });
  assert.deepEqual(seen, [[null, 0], ['paid', 0]], 'a key pushed as null is still pushed');
  assert.equal(client.latest('order_status'), 'shipped');
});

test('onMessage_runs once per new targeted message, oldest first, and the original bus still sees envelopes', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest();
  t.after(() => client.stop());
  const messages = [];
  const envelopes = [];
  client.onMessage((m) => messages.push(m.id));
  client.event.on('app_message_response', false).then((e) => envelopes.push(e.messages.length));
  client.start();
  t.mock.timers.tick(0);
  const m = (id) => ({ id, key: 'k', data: id, sent_at: id });
  await answer(t, manual, { code: 0, msg: '', data: null, messages: [m(1), m(2)], cursor: 'e-2' });
  await answer(t, manual, { code: 0, msg: '', data: null, messages: [m(2), m(3)], cursor: 'e-3' });
  assert.deepEqual(messages, [1, 2, 3]);
  assert.deepEqual(envelopes, [2, 1]);
});

test('a listener that throws_is reported and the others still run', async (t) => {
  fakeTime(t);
  const reported = [];
  const { client, manual } = clientUnderTest({ onListenerError: (error, name) => reported.push([error.message, name]) });
  t.after(() => client.stop());
  const seen = [];
  client.on('test_msg', () => {
    throw new Error('broken page');
  });
  client.on('test_msg', (v) => seen.push(v));
  client.start();
  t.mock.timers.tick(0);
  await answer(t, manual, { code: 0, msg: '', data: { test_msg: '测试消息' } });
  assert.deepEqual(seen, ['测试消息']);
  assert.deepEqual(reported, [['broken page', 'app_message_response']]);
  assert.equal(manual.calls.length, 2, 'the channel kept polling');
});

test('the first client created_is the default until another is set', () => {
  setDefaultClient(null);
  const { client: first } = clientUnderTest();
  const { client: second } = clientUnderTest();
  assert.equal(getDefaultClient(), first);
  setDefaultClient(second);
  assert.equal(getDefaultClient(), second);
  setDefaultClient(null);
});

test('followVisibility_starts while visible, stops while hidden, and unbinds', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest();
  t.after(() => client.stop());
  const doc = new EventTarget();
  doc.hidden = false;
  const unbind = client.followVisibility(doc);
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 1, 'a visible page polls at once');
  doc.hidden = true;
  doc.dispatchEvent(new Event('visibilitychange'));
  assert.equal(client.isRunning(), false);
  assert.equal(manual.calls[0].aborted, true, 'the open request was aborted');
  doc.hidden = false;
  doc.dispatchEvent(new Event('visibilitychange'));
  assert.equal(client.isRunning(), true);
  unbind();
  doc.hidden = true;
  doc.dispatchEvent(new Event('visibilitychange'));
  assert.equal(client.isRunning(), true, 'unbound: visibility no longer matters');
});

test('bad arguments_get clear TypeErrors', () => {
  assert.throws(() => createClient(), /options.url/);
  const { client } = clientUnderTest();
  assert.throws(() => client.on('k'), /on\("k", cb\): cb must be a function/);
  assert.throws(() => client.onMessage(), /onMessage\(cb\)/);
});
