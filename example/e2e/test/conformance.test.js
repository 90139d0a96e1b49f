'use strict';
// The client conformance suite against the REAL example jar over loopback: for every platform
// adapter of appmessage-client (the built package, as apps load it), that platform's emulator
// (runtime/client/test-support/emulators.js, written from the platform's docs) sends its requests
// over real HTTP to the server and answers the adapter the way the platform would (Alipay through
// `status`/`headers` and fail codes, wx with success on every status, …). The timing rules that
// need a misbehaving server (Retry-After, hosts interrupting requests) run on fake timers in
// runtime/client/test/conformance.test.js; here the same platforms meet the real server.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { createClient } = require('appmessage-client');
const { startExampleServer, sendDemoMessage, sayInLiveRoom, waitFor, sleep } = require('../support/example-server');

const EMULATORS = pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'runtime', 'client', 'test-support', 'emulators.js')).href;
const INTERVAL = 300; // ms: short, so each scenario takes about a second

let server;
let emulators;
test.before(async () => {
  emulators = await import(EMULATORS);
  server = await startExampleServer();
});
test.after(async () => {
  if (server) await server.stop();
});

/** The platform as an app meets it (a detected global, or the API object passed), over real HTTP. */
function platformEnv(t, spec) {
  const backend = emulators.httpBackend();
  const emu = spec.emulate(backend);
  const base = { url: server.pollUrl, interval: INTERVAL };
  if (spec.pass) {
    base.platform = spec.name;
    base.api = emu.api;
  } else {
    globalThis[spec.global] = emu.api;
    t.after(() => {
      delete globalThis[spec.global];
    });
  }
  const clients = [];
  t.after(() => clients.forEach((c) => c.stop()));
  function newClient(options = {}) {
    const client = createClient({ ...base, ...options });
    const seen = { responses: [], messages: [], errors: [], resets: [], orders: [] };
    client.event.on('app_message_response', false).then((r) => seen.responses.push(r));
    client.onMessage((m) => seen.messages.push(m));
    client.onError((e) => seen.errors.push(e));
    client.onReset((e) => seen.resets.push(e));
    client.on('order_status', (v) => seen.orders.push(v));
    clients.push(client);
    return { client, seen };
  }
  return { emu, backend, newClient };
}

const texts = (seen, text) => seen.messages.filter((m) => m.key === 'demo_message' && m.data.text === text);

function scenarios(spec) {
  test(`${spec.name} on the real server: the first poll goes out at once and brings the handler keys and alice's order`, async (t) => {
    const { backend, newClient } = platformEnv(t, spec);
    const { client, seen } = newClient({ accessToken: 'demo-alice' });
    assert.equal(client.platform, spec.name);
    const started = Date.now();
    client.start();
    await waitFor(() => seen.responses.length >= 1, 'the first app_message_response', 5000);
    assert.ok(Date.now() - started < 2000, 'answered within the first poll');
    assert.equal(backend.requests.length, 1);
    assert.equal(seen.responses[0].data.test_msg, '测试消息');
    assert.deepEqual(seen.orders[0], { user_id: 'alice', order_no: 'A-1001', status: 'shipped' });
    assert.deepEqual(seen.errors, []);
  });

  test(`${spec.name} on the real server: polls follow the interval, and stop means nothing more`, async (t) => {
    const { backend, newClient } = platformEnv(t, spec);
    const { client, seen } = newClient();
    client.start();
    await waitFor(() => seen.responses.length >= 3, 'three answers', 5000);
    client.stop();
    const sent = backend.requests.length;
    await sleep(3 * INTERVAL);
    assert.equal(backend.requests.length, sent, 'no request after stop()');
    assert.deepEqual(seen.errors, []);
  });

  test(`${spec.name} on the real server: a targeted message arrives once, across a relaunch`, async (t) => {
    const { newClient } = platformEnv(t, spec);
    const before = `${spec.name} before relaunch ${Date.now()}`;
    const after = `${spec.name} after relaunch ${Date.now()}`;
    assert.equal((await sendDemoMessage(server, 'demo-alice', 'carol', before)).status, 200);
    const first = newClient({ accessToken: 'demo-carol' });
    first.client.start();
    await waitFor(() => texts(first.seen, before).length === 1, 'the message before the relaunch', 5000);
    await sleep(2 * INTERVAL); // at least one more poll acknowledges it
    first.client.stop();

    const relaunched = newClient({ accessToken: 'demo-carol' }); // same platform storage
    relaunched.client.start();
    await waitFor(() => relaunched.seen.responses.length >= 1, 'the first answer after the relaunch', 5000);
    assert.equal((await sendDemoMessage(server, 'demo-alice', 'carol', after)).status, 200);
    await waitFor(() => texts(relaunched.seen, after).length === 1, 'the message after the relaunch', 5000);
    await sleep(2 * INTERVAL);
    assert.equal(texts(first.seen, before).length, 1);
    assert.equal(texts(relaunched.seen, before).length, 0, 'not delivered again after the relaunch');
    assert.equal(texts(relaunched.seen, after).length, 1);
  });

  test(`${spec.name} on the real server: long-poll holds, delivers at once, and does not spin`, async (t) => {
    const { backend, newClient } = platformEnv(t, spec);
    const { client, seen } = newClient({ accessToken: 'demo-bob', longPoll: true, wait: 10 });
    client.start();
    await waitFor(() => backend.requests.length >= 2, 'the long-poll after the first answer', 5000);
    await sleep(500);
    const held = backend.requests.length;
    assert.equal(held, 2, 'the second poll is held by the server');
    const text = `${spec.name} long-poll ${Date.now()}`;
    const sentAt = Date.now();
    await sendDemoMessage(server, 'demo-alice', 'bob', text);
    await waitFor(() => texts(seen, text).length === 1, 'the message through the held poll', 3000);
    assert.ok(Date.now() - sentAt < 1500, `delivered in ${Date.now() - sentAt} ms, not after an interval`);
    await waitFor(() => backend.requests.length === 3, 'the next held poll', 2000);
    assert.deepEqual(seen.errors, []);
  });

  test(`${spec.name} on the real server: a subscribe ends the held long-poll, and a room line arrives at once, once`, async (t) => {
    const { emu, backend, newClient } = platformEnv(t, spec);
    const { client, seen } = newClient({ accessToken: 'demo-bob', longPoll: true, wait: 10 });
    const lines = [];
    client.start();
    await waitFor(() => backend.requests.length >= 2, 'the long-poll after the first answer', 5000);
    await sleep(300); // held by the server now
    client.subscribe('live:42', (m) => lines.push(m));
    await waitFor(() => backend.requests.length >= 3, 'the poll with the topic', 2000);
    assert.match(backend.requests[2].url, /[?&]topics=live%3A42(&|$)/);
    assert.match(backend.requests[2].url, /[?&]wait=10(&|$)/);
    await sleep(300);
    const text = `${spec.name} room line ${Date.now()}`;
    const saidAt = Date.now();
    assert.equal((await sayInLiveRoom(server, 'demo-alice', '42', text)).status, 200);
    await waitFor(() => lines.some((m) => m.data && m.data.text === text), 'the line through the held poll', 3000);
    assert.ok(Date.now() - saidAt < 1500, `delivered in ${Date.now() - saidAt} ms, not after an interval`);
    await sleep(3 * INTERVAL);
    assert.equal(lines.filter((m) => m.data && m.data.text === text).length, 1);
    assert.equal(lines[0].topic, 'live:42');
    assert.deepEqual(seen.messages.filter((m) => m.topic !== undefined || (m.data && m.data.text === text)), [],
      'a room line is no personal message (bob\'s own messages from earlier tests may arrive)');
    assert.deepEqual(seen.errors, [], 'ending the held poll is no error');
    assert.ok(emu.host.stats.peakInFlight <= 1, `at most one request in flight, saw ${emu.host.stats.peakInFlight}`);
  });

  test(`${spec.name} on the real server: a cursor the server does not know answers recovered:false and app_message_reset`, async (t) => {
    const { emu, newClient } = platformEnv(t, spec);
    // what an earlier run left in the platform's own storage, from a store that no longer exists
    const stale = { cursor: 'no-such-epoch-999', seen: ['1', '2'] };
    if (spec.name === 'my') emu.api.setStorageSync({ key: 'app_message_channel', data: stale });
    else if (spec.name === 'web') emu.api.localStorage.setItem('app_message_channel', JSON.stringify(stale));
    else emu.api.setStorageSync('app_message_channel', stale);
    const { client, seen } = newClient({ accessToken: 'demo-alice' });
    client.start();
    await waitFor(() => seen.resets.length === 1, 'app_message_reset', 5000);
    assert.equal(seen.resets[0].recovered, false);
    assert.notEqual(client.channel.cursor(), stale.cursor, 'the server handed out a cursor it knows');
  });

  test(`${spec.name} on loopback: a refused connection backs off with jitter`, async (t) => {
    const { newClient } = platformEnv(t, spec);
    const { client, seen } = newClient({ url: 'http://127.0.0.1:9/api/message/index' }); // discard port: nothing listens
    client.start();
    await waitFor(() => seen.errors.length === 1, 'the first failure', 5000);
    const { error, delay, attempt } = seen.errors[0];
    assert.equal(error.kind, 'network');
    assert.equal(attempt, 1);
    assert.ok(delay >= 2500 && delay <= 5000, `first retry in [2.5 s, 5 s], got ${delay} ms`);
  });
}

// Registered at load time; `emulators` is loaded in test.before, so the specs are listed here.
for (const spec of [
  { name: 'wx', global: 'wx', emulate: (b) => emulators.emulateWx(b) },
  { name: 'qq', global: 'qq', emulate: (b) => emulators.emulateQq(b) },
  { name: 'uni', global: 'uni', emulate: (b) => emulators.emulateUni(b) },
  { name: 'taro', pass: true, emulate: (b) => emulators.emulateTaro(b) },
  { name: 'my', global: 'my', emulate: (b) => emulators.emulateMy(b) },
  { name: 'tt', global: 'tt', emulate: (b) => emulators.emulateTt(b) },
  { name: 'swan', global: 'swan', emulate: (b) => emulators.emulateSwan(b) },
  { name: 'web', pass: true, emulate: (b) => emulators.emulateWeb(b) }
]) {
  scenarios(spec);
}
