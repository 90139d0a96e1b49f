// Targeted messages on the client: cursor out and back, kept in storage, repeats
// dropped by id across retries and restarts, recovered:false.
import test from 'node:test';
import assert from 'node:assert/strict';
import { memoryStorage, webStorage, wxStorage } from '../src/storage.js';
import { MessageLedger } from '../src/ledger.js';
import { flush, fakeTime, channelUnderTest } from '../test-support/fakes.js';

function msg(id, key = 'order_shipped', data = { order_no: 'A' + id }) {
  return { id, key, data, sent_at: 1_700_000_000_000 + id };
}

function answer(messages, cursor, extra = {}) {
  return { code: 0, msg: '', data: null, messages, cursor, ...extra };
}

async function pollOnce(t, manual, envelope) {
  manual.last().answer(envelope);
  await flush();
  t.mock.timers.tick(5000);
}

test('first poll_sends no cursor, later polls send the cursor from the last answer', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index');
  await pollOnce(t, manual, answer([msg(1)], 'e1:1'));
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index?cursor=e1%3A1');
  assert.equal(channel.cursor(), 'e1:1');
  channel.stop();
});

test('a url with a query string_gets the cursor appended with &', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ url: 'https://x/api/message/index?tenant=7' });
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([], 'c 1/2'));
  assert.equal(manual.last().options.url, 'https://x/api/message/index?tenant=7&cursor=c%201%2F2');
  channel.stop();
});

test('messages only_trigger app_message_response even with data null', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([msg(1), msg(2)], 'c2'));
  assert.equal(events.app_message_response.length, 1);
  assert.deepEqual(events.app_message_response[0].messages.map((m) => m.id), [1, 2]);
  assert.equal(events.app_message_response[0].cursor, 'c2');
  channel.stop();
});

test('a message sent again_reaches listeners once', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([msg(1), msg(2)], 'c2'));
  // at-least-once: the server repeats 2 (say our cursor was lost on the way) and adds 3
  await pollOnce(t, manual, answer([msg(2), msg(3), msg(3)], 'c3'));
  // only repeats, no data: nothing to trigger
  await pollOnce(t, manual, answer([msg(3)], 'c3'));
  const delivered = events.app_message_response.flatMap((e) => e.messages.map((m) => m.id));
  assert.deepEqual(delivered, [1, 2, 3]);
  assert.equal(events.app_message_response.length, 2);
  channel.stop();
});

test('ids of different types_are compared as strings', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([msg(7)], 'c7'));
  await pollOnce(t, manual, answer([msg('7')], 'c7'));
  assert.equal(events.app_message_response.length, 1);
  channel.stop();
});

test('a restart_with the same storage neither replays nor loses', async (t) => {
  fakeTime(t);
  const storage = memoryStorage();
  const first = channelUnderTest({ storage });
  first.channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, first.manual, answer([msg(1), msg(2)], 'c2'));
  first.channel.stop(); // the app is killed here

  const second = channelUnderTest({ storage }); // relaunch
  second.channel.start();
  t.mock.timers.tick(0);
  assert.match(second.manual.last().options.url, /\?cursor=c2$/, 'the cursor survived');
  // the server had not seen the ack of c2 yet and sends 2 again, plus 3
  await pollOnce(t, second.manual, answer([msg(2), msg(3)], 'c3'));
  assert.deepEqual(
    second.events.app_message_response.flatMap((e) => e.messages.map((m) => m.id)),
    [3]
  );
  second.channel.stop();
});

test('recovered false_triggers app_message_reset and forgets old ids', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([msg(1), msg(2)], 'epochA:2'));
  // the store was reset: a new epoch whose ids start again at 1
  await pollOnce(t, manual, answer([msg(1, 'coupon')], 'epochB:1', { recovered: false }));
  assert.equal(events.app_message_reset.length, 1);
  assert.equal(events.app_message_reset[0].recovered, false);
  assert.deepEqual(events.app_message_response.at(-1).messages.map((m) => m.key), ['coupon']);
  assert.match(manual.last().options.url, /cursor=epochB%3A1/);
  channel.stop();
});

test('recovered true or absent_triggers no reset', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([], 'c', { recovered: true }));
  await pollOnce(t, manual, answer([], 'c'));
  assert.equal(events.app_message_reset.length, 0);
  channel.stop();
});

test('an old server without cursor_keeps the saved cursor and still works', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([], 'c1'));
  await pollOnce(t, manual, { code: 0, msg: '', data: { test_msg: '测试消息' } });
  assert.match(manual.last().options.url, /cursor=c1/);
  assert.deepEqual(events.app_message_response[0].messages, []);
  channel.stop();
});

test('resetCursor_starts over without a cursor', async (t) => {
  fakeTime(t);
  const { channel, manual, storage } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  await pollOnce(t, manual, answer([msg(1)], 'c1'));
  channel.resetCursor(); // another user logs in
  channel.restart();
  t.mock.timers.tick(0);
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index');
  assert.equal(storage.get('app_message_channel'), null);
  channel.stop();
});

test('the seen ids_are bounded and the oldest are forgotten first', () => {
  const storage = memoryStorage();
  const ledger = new MessageLedger(storage, 'k', 3, 3, 2);
  ledger.accept(answer([msg(1), msg(2), msg(3), msg(4)], 'c4'));
  assert.deepEqual(storage.get('k'), { cursor: 'c4', seen: ['2', '3', '4'], topics: {} });
  assert.deepEqual(ledger.accept(answer([msg(1), msg(4)], 'c4')).map((m) => m.id), [1]);
});

test('unreadable or failing storage_does not stop delivery', () => {
  const broken = {
    get() {
      throw new Error('storage unavailable');
    },
    set() {
      throw new Error('quota exceeded');
    },
    remove() {}
  };
  const ledger = new MessageLedger(broken, 'k', 10, 10, 2);
  assert.deepEqual(ledger.accept(answer([msg(1)], 'c1')).map((m) => m.id), [1]);
  assert.deepEqual(ledger.accept(answer([msg(1)], 'c1')), [], 'dedupe still works from memory');
  assert.equal(ledger.cursor, 'c1');
});

test('a message without an id_is delivered rather than dropped', () => {
  const ledger = new MessageLedger(memoryStorage(), 'k', 10, 10, 2);
  assert.equal(ledger.accept(answer([{ key: 'x', data: 1 }], 'c')).length, 1);
});

test('web storage_keeps the ledger as JSON text', () => {
  const items = new Map();
  const localStorageLike = {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k)
  };
  const ledger = new MessageLedger(webStorage(localStorageLike), 'k', 10, 10, 2);
  ledger.accept(answer([msg(5)], 'c5'));
  assert.deepEqual(JSON.parse(items.get('k')), { cursor: 'c5', seen: ['5'], topics: {} });
  const again = new MessageLedger(webStorage(localStorageLike), 'k', 10, 10, 2);
  assert.equal(again.cursor, 'c5');
  items.set('k', '{not json');
  assert.equal(new MessageLedger(webStorage(localStorageLike), 'k', 10, 10, 2).cursor, null);
});

test('wx storage_maps a missing key to nothing stored', () => {
  const values = {};
  const wxLike = {
    getStorageSync: (k) => (k in values ? values[k] : ''),
    setStorageSync: (k, v) => {
      values[k] = v;
    },
    removeStorageSync: (k) => delete values[k]
  };
  const ledger = new MessageLedger(wxStorage(wxLike), 'app_message_channel', 10, 10, 2);
  assert.equal(ledger.cursor, null);
  ledger.accept(answer([msg(1)], 'c1'));
  assert.deepEqual(values.app_message_channel, { cursor: 'c1', seen: ['1'], topics: {} });
});
