// Topics on the client, on fake timers: the set goes out on every poll, an added topic ends a held
// long-poll, each topic message reaches each listener once across retries and restarts (ids per
// stream), recovered:false per topic, refused topics, bounds and bad names.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createClient, memoryStorage } from '../src/index.js';
import { MessageLedger } from '../src/ledger.js';
import { manualTransport, flush, fakeTime, channelUnderTest } from '../test-support/fakes.js';

const URL_ = 'https://shop.example.com/api/message/index';
const topicMsg = (topic, id, text = topic + '#' + id) => ({ id, key: 'chat', data: { text }, sent_at: 1_700_000_000_000 + id, topic });
const personal = (id) => ({ id, key: 'order_shipped', data: 'A' + id, sent_at: 1_700_000_000_000 + id });
const answer = (messages, cursor, extra = {}) => ({ code: 0, msg: '', data: null, messages, cursor, ...extra });
const HELD = (extra = {}) => ({ code: 0, msg: '', data: null, wait: 25, ...extra });

function clientUnderTest(t, options = {}) {
  const manual = manualTransport();
  const storage = options.storage || memoryStorage();
  const client = createClient({ url: URL_, transport: manual.transport, storage, random: () => 0.5, ...options, onListenerError: (e) => { throw e; } });
  t.after(() => client.stop());
  const events = { topicResets: [], refused: [], errors: [] };
  client.onTopicReset((info) => events.topicResets.push(info.topic));
  client.onTopicRefused((info) => events.refused.push(info.topic));
  client.onError((e) => events.errors.push(e));
  return { client, manual, storage, events };
}

/** The `topics` query parameter of a request, as a list (none: []). */
function topicsOf(call) {
  const value = new URL(call.options.url).searchParams.get('topics');
  return value === null ? [] : value.split(',');
}

async function reply(t, manual, envelope, next = 5000) {
  manual.last().answer(envelope);
  await flush();
  t.mock.timers.tick(next);
}

test('subscribe_puts the topic on every poll; two listeners send it once; the last unsubscribe drops it', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t);
  const offA = client.subscribe('live:42', () => {});
  const offB = client.subscribe('live:42', () => {});
  client.subscribe('all', () => {});
  client.start();
  t.mock.timers.tick(0);
  assert.deepEqual(topicsOf(manual.last()), ['live:42', 'all']);
  assert.match(manual.last().options.url, /\?topics=live%3A42,all$/, 'names are URL-encoded, joined by commas');
  offA();
  offA(); // a second call changes nothing
  await reply(t, manual, answer([], 'c1'));
  assert.deepEqual(topicsOf(manual.last()), ['live:42', 'all'], 'one listener of live:42 is left');
  offB();
  await reply(t, manual, answer([], 'c1'));
  assert.deepEqual(topicsOf(manual.last()), ['all']);
  assert.deepEqual(client.topics(), ['all']);
  assert.equal(manual.inFlight(), 1);
});

test('topic messages_reach their topic listeners once each, not onMessage; personal ones only onMessage', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t);
  const room = [];
  const room2 = [];
  const all = [];
  const inbox = [];
  client.subscribe('live:42', (m, envelope) => room.push([m.id, m.data.text, envelope.cursor]));
  client.subscribe('live:42', (m) => room2.push(m.id));
  client.subscribe('all', (m) => all.push(m.id));
  client.onMessage((m) => inbox.push(m.id));
  client.start();
  t.mock.timers.tick(0);
  // ids count per stream: personal 1, live:42 1 and all 1 are three different messages
  await reply(t, manual, answer([personal(1), topicMsg('live:42', 1), topicMsg('all', 1), topicMsg('live:42', 2)], 'c-a'));
  // at-least-once: the server repeats everything and adds one line
  await reply(t, manual, answer([personal(1), topicMsg('live:42', 1), topicMsg('all', 1), topicMsg('live:42', 2), topicMsg('live:42', 3)], 'c-b'));
  assert.deepEqual(room, [[1, 'live:42#1', 'c-a'], [2, 'live:42#2', 'c-a'], [3, 'live:42#3', 'c-b']]);
  assert.deepEqual(room2, [1, 2, 3], 'every listener gets each message once');
  assert.deepEqual(all, [1]);
  assert.deepEqual(inbox, [1]);
  assert.match(manual.last().options.url, /cursor=c-b/, 'one cursor for every stream');
});

test('a restart with the stored cursor and ids_does not replay topic messages', async (t) => {
  fakeTime(t);
  const storage = memoryStorage();
  const first = clientUnderTest(t, { storage });
  const seen1 = [];
  first.client.subscribe('live:42', (m) => seen1.push(m.id));
  first.client.start();
  t.mock.timers.tick(0);
  await reply(t, first.manual, answer([topicMsg('live:42', 7), topicMsg('live:42', 8)], 'c8'));
  first.client.stop(); // the app is killed before the cursor c8 was acknowledged
  assert.deepEqual(storage.get('app_message_channel').topics, { 'live:42': ['7', '8'] });

  const second = clientUnderTest(t, { storage });
  const seen2 = [];
  second.client.subscribe('live:42', (m) => seen2.push(m.id));
  second.client.start();
  t.mock.timers.tick(0);
  assert.match(second.manual.last().options.url, /cursor=c8/);
  await reply(t, second.manual, answer([topicMsg('live:42', 8), topicMsg('live:42', 9)], 'c9'));
  assert.deepEqual(seen1, [7, 8]);
  assert.deepEqual(seen2, [9], 'only the new line after the restart');
});

test('subscribe while a long-poll is held_ends it and asks again at once with the new set, one request in flight', async (t) => {
  fakeTime(t);
  const { client, manual, events } = clientUnderTest(t, { longPoll: true });
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, { code: 0, msg: '', data: null }, 0); // the answer-first poll
  const held = manual.last();
  assert.match(held.options.url, /wait=25/);
  assert.deepEqual(topicsOf(held), []);
  client.subscribe('live:42', () => {});
  client.subscribe('all', () => {}); // the same tick: one new request for both
  assert.equal(held.aborted, true, 'the held poll is ended at once');
  assert.equal(manual.inFlight(), 0);
  t.mock.timers.tick(0);
  await flush();
  assert.equal(manual.calls.length, 3, 'exactly one new request');
  assert.deepEqual(topicsOf(manual.last()), ['live:42', 'all']);
  assert.match(manual.last().options.url, /wait=25/, 'still a long-poll');
  assert.equal(manual.inFlight(), 1);
  assert.deepEqual(events.errors, [], 'ending the held poll is no error');
  // the aborted poll's late answer, if any, is ignored; the new one is handled
  await reply(t, manual, HELD({ messages: [topicMsg('live:42', 1)], cursor: 'c1' }), 0);
  assert.equal(manual.calls.length, 4, 'held answer: the next long-poll goes out at once');
});

test('unsubscribe while a long-poll is held_does not end it: the next poll leaves the topic out', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t, { longPoll: true });
  const off = client.subscribe('live:42', () => {});
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, { code: 0, msg: '', data: null }, 0);
  const held = manual.last();
  off();
  t.mock.timers.tick(0);
  assert.equal(held.aborted, false);
  assert.equal(manual.calls.length, 2);
  await reply(t, manual, HELD(), 0);
  assert.deepEqual(topicsOf(manual.last()), []);
});

test('subscribe while a short poll is out_lets it finish, then polls at once instead of after 5 s', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t);
  client.start();
  t.mock.timers.tick(0);
  const out = manual.last();
  client.subscribe('live:42', () => {});
  t.mock.timers.tick(0);
  assert.equal(out.aborted, false);
  assert.equal(manual.calls.length, 1, 'never two requests');
  out.answer({ code: 0, msg: '', data: null });
  await flush();
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2, 'the next poll at once');
  assert.deepEqual(topicsOf(manual.last()), ['live:42']);
  await reply(t, manual, { code: 0, msg: '', data: null }, 4999);
  assert.equal(manual.calls.length, 2, 'then the 5 s interval again');
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 3);
});

test('subscribe between short polls_polls at once', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t);
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, { code: 0, msg: '', data: null }, 1000);
  assert.equal(manual.calls.length, 1);
  client.subscribe('live:42', () => {});
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2);
  assert.deepEqual(topicsOf(manual.last()), ['live:42']);
});

test('subscribe during a backoff or a Retry-After_keeps the wait; the retry carries the topic', async (t) => {
  fakeTime(t);
  const { client, manual, events } = clientUnderTest(t);
  client.start();
  t.mock.timers.tick(0);
  manual.last().answer({ code: 503, msg: 'overloaded', data: null }, 503, { 'retry-after': '7' });
  await flush();
  assert.equal(events.errors[0].delay, 7500);
  client.subscribe('live:42', () => {});
  t.mock.timers.tick(7499);
  assert.equal(manual.calls.length, 1, 'the server asked for 7 s');
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 2);
  assert.deepEqual(topicsOf(manual.last()), ['live:42']);
});

test('subscribe before start_polls nothing; start sends the topics', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t);
  client.subscribe('live:42', () => {});
  t.mock.timers.tick(10000);
  assert.equal(manual.calls.length, 0);
  client.start();
  t.mock.timers.tick(0);
  assert.deepEqual(topicsOf(manual.last()), ['live:42']);
});

test('a topic whose history no longer reaches the cursor_triggers app_message_topic_reset and forgets that topic\'s ids only', async (t) => {
  fakeTime(t);
  const { client, manual, events } = clientUnderTest(t);
  const room = [];
  const all = [];
  client.subscribe('live:42', (m) => room.push(m.data.text));
  client.subscribe('all', (m) => all.push(m.id));
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, answer([topicMsg('live:42', 1, 'old'), topicMsg('all', 1)], 'c1'));
  // the room's store was reset: its ids start again at 1; 'all' is untouched
  await reply(t, manual, answer([topicMsg('live:42', 1, 'new'), topicMsg('all', 1)], 'c2', { topics: { 'live:42': { recovered: false } } }));
  assert.deepEqual(events.topicResets, ['live:42']);
  assert.deepEqual(room, ['old', 'new']);
  assert.deepEqual(all, [1], 'the other topic still drops its repeat');
  await reply(t, manual, answer([], 'c2', { topics: { 'live:42': { recovered: true } } }));
  assert.deepEqual(events.topicResets, ['live:42'], 'recovered true is no reset');
});

test('the personal stream lost (top-level recovered false)_resets personal ids only; topics keep theirs', async (t) => {
  fakeTime(t);
  const { client, manual, events } = clientUnderTest(t);
  const resets = [];
  const inbox = [];
  const room = [];
  client.onReset(() => resets.push('reset'));
  client.onMessage((m) => inbox.push(m.data));
  client.subscribe('live:42', (m) => room.push(m.id));
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, answer([personal(1), topicMsg('live:42', 1)], 'epochA-1~live:42!1'));
  // the personal store was reset (its ids start again); the room is where it was
  await reply(t, manual, answer([personal(1), topicMsg('live:42', 1)], 'epochB-1~live:42!1', { recovered: false }));
  assert.deepEqual(resets, ['reset']);
  assert.deepEqual(events.topicResets, [], 'no topic named itself unrecovered');
  assert.deepEqual(inbox, ['A1', 'A1'], 'the reset personal stream reused id 1');
  assert.deepEqual(room, [1], 'the room still drops its repeat');
});

test('a refused topic_is reported once and left out of the polls until the next start', async (t) => {
  fakeTime(t);
  const { client, manual, events } = clientUnderTest(t);
  client.subscribe('vip:1', () => {});
  client.subscribe('live:42', () => {});
  client.start();
  t.mock.timers.tick(0);
  assert.deepEqual(topicsOf(manual.last()), ['vip:1', 'live:42']);
  await reply(t, manual, answer([], 'c1', { refused_topics: ['vip:1'] }));
  assert.deepEqual(events.refused, ['vip:1']);
  assert.deepEqual(topicsOf(manual.last()), ['live:42'], 'not asked for again');
  assert.deepEqual(client.channel.topics(), ['live:42']);
  assert.deepEqual(client.topics(), ['vip:1', 'live:42'], 'the listener stays');
  await reply(t, manual, answer([], 'c1'));
  assert.deepEqual(topicsOf(manual.last()), ['live:42']);
  // a login: restart() asks again, and a second refusal is reported again
  client.restart();
  t.mock.timers.tick(0);
  assert.deepEqual(topicsOf(manual.last()), ['vip:1', 'live:42']);
  await reply(t, manual, answer([], 'c1', { refused_topics: ['vip:1'] }));
  assert.deepEqual(events.refused, ['vip:1', 'vip:1']);
  assert.deepEqual(events.errors, [], 'a refusal is no failed poll');
});

test('a refused topic subscribed again after its listeners left_is asked for again', async (t) => {
  fakeTime(t);
  const { client, manual } = clientUnderTest(t);
  const off = client.subscribe('vip:1', () => {});
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, answer([], 'c1', { refused_topics: ['vip:1'] }), 1000);
  off();
  client.subscribe('vip:1', () => {});
  t.mock.timers.tick(0);
  assert.deepEqual(topicsOf(manual.last()), ['vip:1']);
});

test('too many topics in an answer of 400_is a failed poll with the server\'s message', async (t) => {
  fakeTime(t);
  const { client, manual, events } = clientUnderTest(t);
  client.subscribe('live:1', () => {});
  client.start();
  t.mock.timers.tick(0);
  manual.last().answer({ code: 400, msg: 'at most 1 topics per poll', data: null }, 400);
  await flush();
  assert.equal(events.errors.length, 1);
  assert.equal(events.errors[0].statusCode, 400);
  assert.match(events.errors[0].error.message, /HTTP 400: at most 1 topics per poll/);
});

test('bad topic names and more than maxTopics_throw and subscribe nothing', (t) => {
  const { client } = clientUnderTest(t, { maxTopics: 2 });
  const seen = [];
  for (const bad of ['', 'live 42', 'a/b', 'x'.repeat(129), 42, null, '直播:1']) {
    assert.throws(() => client.subscribe(bad, (m) => seen.push(m)), TypeError, String(bad));
  }
  assert.throws(() => client.subscribe('live:1'), /subscribe\(topic, cb\): cb must be a function/);
  client.subscribe('a-b_c.d:1', () => {});
  client.subscribe('x'.repeat(128), () => {});
  client.subscribe('a-b_c.d:1', () => {}); // a second listener of a subscribed topic is no new topic
  assert.throws(() => client.subscribe('third', () => {}), /at most 2 topics per poll \(maxTopics\)/);
  assert.deepEqual(client.topics(), ['a-b_c.d:1', 'x'.repeat(128)]);
  assert.equal(client.event.listenerCount('app_message_response'), 3, 'no listener was left behind by a throw');
});

test('the ledger_bounds ids per topic and forgets the least recently used topic streams', () => {
  const storage = memoryStorage();
  const ledger = new MessageLedger(storage, 'k', 5, 2, 2);
  ledger.accept(answer([topicMsg('a', 1), topicMsg('a', 2), topicMsg('a', 3), topicMsg('b', 1)], 'c'));
  assert.deepEqual(storage.get('k').topics, { a: ['2', '3'], b: ['1'] });
  // 'a' is subscribed (used on every answer), 'c' arrives: 'b' is the least recently used
  ledger.accept(answer([topicMsg('c', 1)], 'c2'), ['a']);
  assert.deepEqual(storage.get('k').topics, { a: ['2', '3'], c: ['1'] });
  assert.deepEqual(ledger.accept(answer([topicMsg('a', 3), topicMsg('b', 1)], 'c2'), ['a']).map((m) => m.topic + m.id), ['b1'],
    'a forgotten stream delivers again rather than dropping');
  const reloaded = new MessageLedger(storage, 'k', 5, 2, 2);
  assert.deepEqual(reloaded.accept(answer([topicMsg('a', 3), topicMsg('b', 1), topicMsg('b', 2)], 'c3')).map((m) => m.topic + m.id), ['b2']);
});

test('storage written before topics existed_loads, and topic ids are kept beside the personal ones', () => {
  const storage = memoryStorage();
  storage.set('k', { cursor: 'c1', seen: ['1'] });
  const ledger = new MessageLedger(storage, 'k', 5, 5, 4);
  assert.equal(ledger.cursor, 'c1');
  assert.deepEqual(ledger.accept(answer([personal(1), topicMsg('live:42', 1)], 'c2')).map((m) => m.topic || 'me'), ['live:42']);
  assert.deepEqual(storage.get('k'), { cursor: 'c2', seen: ['1'], topics: { 'live:42': ['1'] } });
  storage.set('k', { cursor: 'c3', seen: 'junk', topics: { 'live:42': 'junk', ok: [1] } });
  const fromJunk = new MessageLedger(storage, 'k', 5, 5, 4);
  assert.deepEqual(fromJunk.accept(answer([personal(1), topicMsg('ok', 1), topicMsg('live:42', 1)], 'c3')).map((m) => m.topic || 'me'), ['me', 'live:42']);
});

test('resetCursor_forgets the topic ids too', async (t) => {
  fakeTime(t);
  const { client, manual, storage } = clientUnderTest(t);
  const room = [];
  client.subscribe('live:42', (m) => room.push(m.id));
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, answer([topicMsg('live:42', 1)], 'c1'), 0);
  client.resetCursor();
  assert.equal(storage.get('app_message_channel'), null);
  client.restart();
  t.mock.timers.tick(0);
  assert.doesNotMatch(manual.last().options.url, /cursor=/);
  await reply(t, manual, answer([topicMsg('live:42', 1)], 'c1'));
  assert.deepEqual(room, [1, 1]);
});

test('a topic listener that throws_is reported and the other listeners still get the message', async (t) => {
  fakeTime(t);
  const reported = [];
  const manual = manualTransport();
  const client = createClient({ url: URL_, transport: manual.transport, storage: memoryStorage(), onListenerError: (e) => reported.push(e.message) });
  t.after(() => client.stop());
  const seen = [];
  client.subscribe('live:42', () => {
    throw new Error('broken page');
  });
  client.subscribe('live:42', (m) => seen.push(m.id));
  client.start();
  t.mock.timers.tick(0);
  await reply(t, manual, answer([topicMsg('live:42', 1)], 'c1'));
  assert.deepEqual(reported, ['broken page']);
  assert.deepEqual(seen, [1]);
});

test('the channel alone_takes a topic set and reports topic events on its bus', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.setTopics(['live:42', 'live:42', 'vip:1']);
  assert.deepEqual(channel.topics(), ['live:42', 'vip:1']);
  channel.start();
  t.mock.timers.tick(0);
  await reply(t, manual, answer([topicMsg('live:42', 1)], 'c1', { refused_topics: ['vip:1'], topics: { 'live:42': { recovered: false } } }));
  assert.deepEqual(events.app_message_topic_refused.map((e) => [e.topic, e.envelope.cursor]), [['vip:1', 'c1']]);
  assert.deepEqual(events.app_message_topic_reset.map((e) => e.topic), ['live:42']);
  assert.deepEqual(events.app_message_response[0].messages.map((m) => m.topic), ['live:42']);
  channel.stop();
});
