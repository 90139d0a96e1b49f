'use strict';
// Topics end to end: clients of appmessage-client (fetch transport, storage injected) subscribe to
// the example's live room (topic live:<room>, public in the example) against the REAL example jar;
// lines are said through POST /api/live/<room>.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startExampleServer, sayInLiveRoom, waitFor, sleep } = require('../support/example-server');

const { createClient, resolvePlatform, memoryStorage } = require('appmessage-client');

const INTERVAL = 200; // ms

/**
 * A user's app on `storage` (the same storage = the same device after a restart): records the lines
 * its room listener sees, the refusals, and the raw answers the server sent (before the client's dedupe).
 */
function openApp(server, token, storage = memoryStorage(), options = {}) {
  const fetchTransport = resolvePlatform({}).transport;
  const rawAnswers = [];
  const requests = [];
  const transport = (request) => {
    requests.push(request.url);
    const call = fetchTransport(request);
    call.promise.then((response) => rawAnswers.push(response.data), () => {});
    return call;
  };
  const client = createClient({ url: server.pollUrl, interval: INTERVAL, storage, transport, accessToken: token, ...options });
  const lines = [];
  const refused = [];
  const errors = [];
  client.onTopicRefused((info) => refused.push(info.topic));
  client.onError((e) => errors.push(e));
  return {
    client, lines, refused, errors, rawAnswers, requests,
    join(topic) {
      return client.subscribe(topic, (m) => lines.push(m));
    }
  };
}

const said = (messages, text) => messages.filter((m) => m.data && m.data.text === text);
const rawLines = (answers, text) => answers.flatMap((a) => said((a && a.messages) || [], text));

let server;
test.before(async () => {
  server = await startExampleServer();
});
test.after(async () => {
  if (server) await server.stop();
});

test('two subscribers of live:42_each get a line said in the room once', async (t) => {
  const alice = openApp(server, 'demo-alice');
  const bob = openApp(server, 'demo-bob');
  t.after(() => { alice.client.stop(); bob.client.stop(); });
  alice.join('live:42');
  bob.join('live:42');
  alice.client.start();
  bob.client.start();
  await waitFor(() => alice.rawAnswers.length >= 1 && bob.rawAnswers.length >= 1, 'the first answers');
  assert.match(alice.requests[0], /[?&]topics=live%3A42(&|$)/);

  const answer = await sayInLiveRoom(server, 'demo-carol', '42', 'flash sale at 8 · 八点秒杀');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.code, 0);

  await waitFor(() => said(alice.lines, 'flash sale at 8 · 八点秒杀').length === 1 && said(bob.lines, 'flash sale at 8 · 八点秒杀').length === 1,
    'the line at both listeners');
  const line = said(alice.lines, 'flash sale at 8 · 八点秒杀')[0];
  assert.equal(line.topic, 'live:42');
  assert.ok(line.id !== undefined && line.id !== null, 'the line has an id');
  await sleep(INTERVAL * 5); // more polls: nothing repeats
  assert.equal(said(alice.lines, 'flash sale at 8 · 八点秒杀').length, 1);
  assert.equal(said(bob.lines, 'flash sale at 8 · 八点秒杀').length, 1);
  assert.deepEqual(alice.errors, []);
  assert.deepEqual(alice.refused, [], 'live:* is public in the example');
});

test('a line said in another room_does not reach live:42', async (t) => {
  const alice = openApp(server, 'demo-alice');
  t.after(() => alice.client.stop());
  alice.join('live:42');
  alice.client.start();
  await waitFor(() => alice.rawAnswers.length >= 1, 'the first answer');
  assert.equal((await sayInLiveRoom(server, 'demo-bob', '7', 'only in room 7')).status, 200);
  await sleep(INTERVAL * 5);
  assert.deepEqual(rawLines(alice.rawAnswers, 'only in room 7'), []);
});

test('a restart with the stored cursor_does not replay the room, and a line said meanwhile arrives', async (t) => {
  const storage = memoryStorage();
  const first = openApp(server, 'demo-alice', storage);
  t.after(() => first.client.stop());
  first.join('live:42');
  first.client.start();
  await waitFor(() => first.rawAnswers.length >= 1, 'the first answer');
  await sayInLiveRoom(server, 'demo-bob', '42', 'before the restart');
  await waitFor(() => said(first.lines, 'before the restart').length === 1, 'the line before the restart');
  await sleep(INTERVAL * 3); // the next poll acknowledges it
  first.client.stop(); // the app is closed
  await sayInLiveRoom(server, 'demo-bob', '42', 'while closed');

  const second = openApp(server, 'demo-alice', storage); // opened again, same storage
  t.after(() => second.client.stop());
  second.join('live:42');
  second.client.start();
  await waitFor(() => said(second.lines, 'while closed').length === 1, 'the line said while the app was closed');
  await sleep(INTERVAL * 4);
  second.client.stop();
  assert.deepEqual(said(second.lines, 'before the restart'), [], 'not shown again after the restart');
  assert.equal(said(second.lines, 'while closed').length, 1);
  assert.match(second.requests[0], /[?&]cursor=/, 'the stored cursor went out');
});

test('a topic the example does not make public_is reported as refused, and the room still works in the same polls', async (t) => {
  const bob = openApp(server, 'demo-bob');
  t.after(() => bob.client.stop());
  bob.join('vip:1');
  bob.join('live:42');
  bob.client.start();
  await waitFor(() => bob.refused.length === 1, 'the refusal');
  assert.deepEqual(bob.refused, ['vip:1']);
  const refusedIn = bob.rawAnswers.find((a) => a && Array.isArray(a.refused_topics));
  assert.deepEqual(refusedIn.refused_topics, ['vip:1']);
  assert.equal(refusedIn.code, 0, 'a refusal does not fail the poll');
  await sayInLiveRoom(server, 'demo-alice', '42', 'vip or not');
  await waitFor(() => said(bob.lines, 'vip or not').length === 1, 'the room line beside the refusal');
  const afterRefusal = bob.requests.slice(1);
  assert.ok(afterRefusal.length >= 1);
  for (const url of afterRefusal) assert.doesNotMatch(url, /vip/, 'the refused topic is not asked for again');
  assert.deepEqual(bob.errors, []);
});

test('a subscribe while a long-poll is held_ends it and the next line arrives at once', async (t) => {
  const carol = openApp(server, 'demo-carol', memoryStorage(), { longPoll: true, wait: 20 });
  t.after(() => carol.client.stop());
  carol.client.start();
  await waitFor(() => carol.requests.length >= 2, 'the long-poll after the answer-first poll');
  await sleep(300); // held at the server now
  carol.join('live:42');
  await waitFor(() => carol.requests.length >= 3, 'the poll with the topic');
  assert.match(carol.requests[2], /topics=live%3A42/);
  assert.match(carol.requests[2], /wait=20/);
  await sleep(300);
  const saidAt = Date.now();
  await sayInLiveRoom(server, 'demo-alice', '42', 'held no more');
  await waitFor(() => said(carol.lines, 'held no more').length === 1, 'the line', 5000);
  t.diagnostic(`say -> at the long-polling subscriber: ${Date.now() - saidAt} ms`);
  assert.deepEqual(carol.errors, [], 'ending the held poll is no error');
});

test('more topics than the server allows_the client refuses the 17th, and a client told otherwise gets the server\'s 400', async (t) => {
  const rooms = Array.from({ length: 17 }, (_, i) => 'live:room' + i);
  const strict = openApp(server, 'demo-alice');
  rooms.slice(0, 16).forEach((topic) => strict.join(topic));
  assert.throws(() => strict.join(rooms[16]), /at most 16 topics per poll \(maxTopics\)/, 'the default matches the server\'s maxTopicsPerPoll');

  const loose = openApp(server, 'demo-alice', memoryStorage(), { maxTopics: 17 });
  t.after(() => loose.client.stop());
  rooms.forEach((topic) => loose.join(topic));
  loose.client.start();
  await waitFor(() => loose.errors.length >= 1, 'the failed poll');
  loose.client.stop();
  assert.equal(loose.errors[0].statusCode, 400);
  assert.match(loose.errors[0].error.message, /^HTTP 400: a poll lists at most 16 topics/);
  assert.equal(loose.rawAnswers[0].code, 400, 'the envelope, not a stack trace');
  assert.equal(loose.rawAnswers[0].data, null);
});

test('saying a line without a token_is refused with the envelope', async () => {
  const anonymous = await sayInLiveRoom(server, null, '42', 'hi');
  assert.equal(anonymous.status, 401);
  assert.equal(anonymous.body.code, 401);
  assert.equal(anonymous.body.data, null);
});
