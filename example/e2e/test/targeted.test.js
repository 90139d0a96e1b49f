'use strict';
// Targeted messages end to end: the mini-program client (appmessage-client, fetch transport,
// storage injected) against the REAL example jar; messages sent through POST /api/demo/send.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startExampleServer, sendDemoMessage, waitFor, sleep } = require('../support/example-server');

const { createEventBus, MessageChannel, resolvePlatform, memoryStorage } = require('appmessage-client');

const INTERVAL = 200; // ms

/**
 * Bob's app: a channel on `storage` (the same storage = the same device after a restart). Records the
 * targeted messages its listener sees, and the raw answers the server sent (before the client's dedupe).
 */
function openBob(url, storage) {
  const event = createEventBus();
  const fetchTransport = resolvePlatform({}).transport;
  const rawAnswers = [];
  const transport = (request) => {
    const call = fetchTransport(request);
    call.promise.then((response) => rawAnswers.push(response.data), () => {});
    return call;
  };
  const channel = new MessageChannel({ url, bus: event, interval: INTERVAL, storage, transport, accessToken: 'demo-bob' });
  const seen = [];
  event.on('app_message_response', false).then((envelope) => seen.push(...envelope.messages));
  return { channel, seen, rawAnswers };
}

const demoMessages = (messages, text) => messages.filter((m) => m.key === 'demo_message' && m.data.text === text);

let server;
test.before(async () => {
  server = await startExampleServer();
});
test.after(async () => {
  if (server) await server.stop();
});

test('message sent to bob_reaches his listener once, and not again after a client restart', async (t) => {
  const storage = memoryStorage();
  const first = openBob(server.pollUrl, storage);
  t.after(() => first.channel.stop());
  first.channel.start();
  await waitFor(() => first.rawAnswers.length >= 1, 'bob\'s first answer');

  const sent = await sendDemoMessage(server, 'demo-alice', 'bob', 'see you at 8');
  assert.equal(sent.status, 200);
  assert.deepEqual(sent.body.data, { id: sent.body.data.id, from: 'alice', to: 'bob' });

  await waitFor(() => demoMessages(first.seen, 'see you at 8').length === 1, 'the message at bob\'s listener');
  const got = demoMessages(first.seen, 'see you at 8')[0];
  assert.equal(String(got.id), String(sent.body.data.id));
  assert.equal(got.data.from, 'alice');
  assert.equal(typeof got.data.sent_at, 'number');
  await sleep(INTERVAL * 4); // more polls: nothing repeats
  first.channel.stop();
  assert.equal(demoMessages(first.seen, 'see you at 8').length, 1);

  // the app is closed and opened again: a new channel on the same storage
  const second = openBob(server.pollUrl, storage);
  t.after(() => second.channel.stop());
  second.channel.start();
  await waitFor(() => second.rawAnswers.length >= 3, 'three answers after the restart');
  second.channel.stop();
  assert.deepEqual(demoMessages(second.seen, 'see you at 8'), [], 'not shown again after the restart');
});

test('server replays a message the client already showed_the client drops it by id', async (t) => {
  const storage = memoryStorage();
  const first = openBob(server.pollUrl, storage);
  t.after(() => first.channel.stop());
  first.channel.start();
  await sendDemoMessage(server, 'demo-carol', 'bob', 'replayed?');
  await waitFor(() => demoMessages(first.seen, 'replayed?').length === 1, 'the message at bob\'s listener');
  first.channel.stop();

  // the cursor write was lost (the ids delivered were kept): the server, given no cursor, sends the history again
  const saved = storage.get('app_message_channel');
  storage.set('app_message_channel', { seen: saved.seen });
  const second = openBob(server.pollUrl, storage);
  t.after(() => second.channel.stop());
  second.channel.start();
  await waitFor(() => second.rawAnswers.length >= 2, 'two answers after the restart');
  second.channel.stop();
  assert.equal(demoMessages(second.rawAnswers[0].messages, 'replayed?').length, 1, 'the server did send it again');
  assert.deepEqual(demoMessages(second.seen, 'replayed?'), [], 'the listener did not see it again');
});

test('message sent to alice_never reaches bob', async (t) => {
  const bob = openBob(server.pollUrl, memoryStorage());
  t.after(() => bob.channel.stop());
  bob.channel.start();
  const sent = await sendDemoMessage(server, 'demo-bob', 'alice', 'for alice only');
  assert.equal(sent.status, 200);
  await waitFor(() => bob.rawAnswers.length >= 4, 'four answers to bob');
  bob.channel.stop();
  assert.equal(bob.rawAnswers.flatMap((a) => demoMessages(a.messages, 'for alice only')).length, 0);
});

test('send without a token or to nobody_is refused with the envelope', async () => {
  const noToken = await fetch(server.sendUrl + '?to=bob', { method: 'POST', body: 'hi' });
  assert.equal(noToken.status, 401);
  assert.equal((await noToken.json()).code, 401);
  const nobody = await sendDemoMessage(server, 'demo-alice', 'mallory', 'hi');
  assert.equal(nobody.status, 400);
  assert.equal(nobody.body.msg, 'to must be one of alice, bob, carol');
});
