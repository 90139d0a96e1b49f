// The channel over real HTTP on loopback, through the fetch transport it picks by itself in Node
// (no wx): what goes on the wire, status handling, Retry-After, timeouts and aborts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from '../src/channel.js';
import { memoryStorage } from '../src/storage.js';
import { recordingBus } from '../test-support/fakes.js';
import { startServer, sendJson, waitFor } from '../test-support/server.js';

function channelFor(server, options = {}) {
  const { bus, events } = recordingBus();
  const channel = new MessageChannel({ url: server.url, bus, storage: memoryStorage(), ...options });
  return { channel, events, bus };
}

test('fetch path_delivers the envelope and sends token and cursor', async (t) => {
  const server = await startServer((req, res, record) => {
    const n = server.requests.length;
    sendJson(res, 200, {
      code: 0,
      msg: '',
      data: { test_msg: '测试消息' },
      messages: [{ id: n, key: 'order_shipped', data: { order_no: 'A' + n }, sent_at: 1 }],
      cursor: 'c' + n
    });
  });
  t.after(() => server.close());
  const { channel, events } = channelFor(server, { interval: 20, accessToken: 'demo-alice' });
  channel.start();
  await waitFor(() => events.app_message_response.length >= 2, 'two responses');
  channel.stop();
  const [first, second] = server.requests;
  assert.equal(first.path, '/api/message/index');
  assert.equal(first.headers['x-access-token'], 'demo-alice');
  assert.deepEqual(first.query, {});
  assert.deepEqual(second.query, { cursor: 'c1' });
  assert.equal(events.app_message_response[0].data.test_msg, '测试消息');
  assert.deepEqual(events.app_message_response[1].messages.map((m) => m.key), ['order_shipped']);
});

test('HTTP 500 over the wire_is an error event, not a response', async (t) => {
  const server = await startServer((req, res) => sendJson(res, 500, { code: 500, msg: 'internal error', data: null }));
  t.after(() => server.close());
  const { channel, events } = channelFor(server);
  channel.start();
  await waitFor(() => events.app_message_error.length === 1, 'an error');
  channel.stop();
  assert.equal(events.app_message_error[0].statusCode, 500);
  assert.match(events.app_message_error[0].error.message, /HTTP 500: internal error/);
  assert.equal(events.app_message_response.length, 0);
});

test('503 with Retry-After over the wire_is honoured before the next poll', async (t) => {
  let answeredAt = 0;
  const server = await startServer((req, res) => {
    if (server.requests.length === 1) {
      answeredAt = Date.now();
      sendJson(res, 503, { code: 503, msg: 'overloaded', data: null }, { 'retry-after': '1' });
    } else {
      sendJson(res, 200, { code: 0, msg: '', data: { test_msg: '测试消息' } });
    }
  });
  t.after(() => server.close());
  const { channel, events } = channelFor(server, { interval: 20, backoffBase: 10 });
  channel.start();
  await waitFor(() => events.app_message_response.length === 1, 'the retry to succeed');
  channel.stop();
  assert.equal(events.app_message_error[0].statusCode, 503);
  assert.ok(server.requests[1].at - answeredAt >= 1000, 'the retry waited at least Retry-After');
});

test('a server that never answers_ends in a timeout error', async (t) => {
  const server = await startServer(() => {}); // holds forever
  t.after(() => server.close());
  const { channel, events } = channelFor(server, { requestTimeout: 200 });
  channel.start();
  await waitFor(() => events.app_message_error.length === 1, 'the timeout');
  channel.stop();
  assert.equal(events.app_message_error[0].error.kind, 'timeout');
  await waitFor(() => server.requests[0].closedEarly, 'the server to see the connection go');
});

test('stop during a held long-poll_closes the connection at once and quietly', async (t) => {
  // like a long-poll server: holds the polls that ask to wait, answers the others at once
  const server = await startServer((req, res, request) => {
    if (!request.query.wait) sendJson(res, 200, { code: 0, msg: '', data: { test_msg: '测试消息' } });
  });
  t.after(() => server.close());
  const { channel, events } = channelFor(server, { longPoll: true, wait: 25 });
  channel.start();
  await waitFor(() => server.requests.length === 2, 'the held poll after the answer-first one');
  assert.equal(server.requests[0].query.wait, undefined);
  assert.equal(server.requests[1].query.wait, '25');
  channel.stop();
  await waitFor(() => server.requests[1].closedEarly, 'the server to see the abort');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(events.app_message_error.length, 0);
  assert.equal(server.requests.length, 2);
});

test('long-poll loop over the wire_delivers each send from a held poll', async (t) => {
  const held = [];
  let nextId = 1;
  const server = await startServer((req, res) => held.push(res));
  t.after(() => server.close());
  function send(key) {
    // what the runtime does on outbox.send: answer the held poll with the message
    const res = held.shift();
    sendJson(res, 200, { code: 0, msg: '', data: null, wait: 25, messages: [{ id: nextId, key, data: key, sent_at: 1 }], cursor: 'c' + nextId++ });
  }
  const { channel, events } = channelFor(server, { longPoll: true, interval: 60000 });
  channel.start();
  for (const key of ['first', 'second', 'third']) {
    await waitFor(() => held.length === 1, 'a held poll');
    send(key);
  }
  await waitFor(() => events.app_message_response.length === 3, 'three deliveries');
  await waitFor(() => held.length === 1, 'the next held poll'); // at once, not after the 60 s interval
  channel.stop();
  assert.deepEqual(events.app_message_response.map((e) => e.messages[0].key), ['first', 'second', 'third']);
  assert.deepEqual(server.requests.map((r) => r.query.cursor), [undefined, 'c1', 'c2', 'c3']);
});

test('long-poll against a server that answers at once without wait_falls back to the interval', async (t) => {
  const server = await startServer((req, res) => sendJson(res, 200, { code: 0, msg: '', data: { test_msg: '测试消息' } }));
  t.after(() => server.close());
  const { channel, events } = channelFor(server, { longPoll: true, interval: 300 });
  channel.start();
  await waitFor(() => server.requests.length === 3, 'the third poll');
  channel.stop();
  assert.equal(events.app_message_poll[0].delay, 0, 'the answer-first poll is followed by a long-poll at once');
  assert.equal(server.requests[1].query.wait, '25');
  assert.equal(events.app_message_poll[1].delay, 300, 'no wait in the answer: back to the interval');
  assert.ok(server.requests[2].at - server.requests[1].at >= 300, 'the interval was kept');
});
