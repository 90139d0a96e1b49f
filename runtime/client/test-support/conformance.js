// The conformance suite: one set of scenarios that every platform adapter must pass, each run
// against that platform's emulator (emulators.js). On fake timers the emulator talks to a scripted
// backend; the real-server runs (example/e2e) reuse the platform set with an HTTP backend.
import assert from 'node:assert/strict';
import { createClient } from '../src/index.js';
import { scriptedBackend, PLATFORM_EMULATORS } from './emulators.js';

export const URL_ = 'https://shop.example.com/api/message/index';
const ENVELOPE = { code: 0, msg: '', data: { test_msg: '测试消息' } };

/** Lets every promise chain (emulator → adapter → channel → listeners) run; timers stay faked. */
export async function flush(rounds = 6) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * The platform as an app meets it: a detected global (set here, removed after the test) or an
 * API object passed to createClient. `newClient()` builds a client the way an app does; clients
 * built from one env share the platform's storage, so a second one is a relaunch.
 */
export function platformEnv(t, spec, backend, defaults = {}) {
  const emu = spec.emulate(backend);
  const base = { url: URL_, accessToken: 'demo-alice', random: () => 0.5, ...defaults };
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
    const client = createClient({ ...base, ...options, onListenerError: (e) => { throw e; } });
    const seen = { responses: [], messages: [], errors: [], resets: [], testMsg: [] };
    client.event.on('app_message_response', false).then((r) => seen.responses.push(r)); // the original API
    client.onMessage((m) => seen.messages.push(m));
    client.onError((e) => seen.errors.push(e));
    client.onReset((e) => seen.resets.push(e));
    client.on('test_msg', (v) => seen.testMsg.push(v));
    clients.push(client);
    return { client, seen };
  }
  return { emu, newClient };
}

const msg = (id, data = 'A' + id) => ({ id, key: 'order_shipped', data, sent_at: 1700000000000 + id });
const holding = (extra = {}) => ({ body: { code: 0, msg: '', data: null, wait: 25, ...extra } });
const line = (id, text = 'line ' + id) => ({ id, key: 'live_chat', data: { text }, sent_at: 1700000000000 + id, topic: 'live:42' });

/**
 * Each scenario: {name, only?: [platform names], backend: handler for scriptedBackend, run}.
 * `run({t, emu, backend, newClient, tick})` drives the client on fake timers.
 */
export const SCENARIOS = [
  {
    name: 'the first poll goes out at once, with the token, and reaches both APIs',
    handler: () => ({ body: ENVELOPE }),
    async run({ backend, newClient, tick, spec }) {
      const { client, seen } = newClient();
      assert.equal(client.platform, spec.name, 'the platform is found (detected or named)');
      client.start();
      await tick(0);
      assert.equal(backend.requests.length, 1);
      const request = backend.requests[0];
      assert.equal(request.path, '/api/message/index');
      assert.deepEqual(request.query, {}, 'no cursor and no wait on the first poll');
      assert.equal(request.headers['X-Access-Token'], 'demo-alice');
      assert.deepEqual(seen.testMsg, ['测试消息']);
      assert.equal(seen.responses.length, 1);
      assert.deepEqual(seen.responses[0].data, ENVELOPE.data);
    }
  },
  {
    name: 'polls follow every 5 s after the answer',
    handler: () => ({ body: ENVELOPE }),
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      for (let n = 1; n <= 3; n++) {
        await tick(4999);
        assert.equal(backend.requests.length, n, 'nothing before 5 s');
        await tick(1);
        assert.equal(backend.requests.length, n + 1, 'a poll at 5 s');
      }
      assert.equal(seen.testMsg.length, 4);
    }
  },
  {
    name: 'stop on hide ends the open request and nothing follows',
    handler: () => ({ hang: true }),
    async run({ emu, backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      assert.equal(backend.requests.length, 1);
      client.stop(); // onHide
      emu.host.hide();
      await tick(5000); // WeChat and QQ suspend the app here
      await tick(120000);
      assert.equal(backend.requests.length, 1, 'no poll while hidden');
      assert.deepEqual(seen.errors, [], 'the abort is no error');
      emu.host.show();
      client.start(); // onShow
      await tick(0);
      assert.equal(backend.requests.length, 2, 'onShow polls at once');
    }
  },
  {
    name: 'a request the host interrupts in the background is no error and costs no backoff',
    only: ['wx', 'qq'],
    handler: (req, n) => (n === 1 ? { hang: true } : { body: ENVELOPE }),
    async run({ emu, backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      emu.host.hide(); // the app did not stop the client: the host fails the request 5 s later
      await tick(5000);
      assert.deepEqual(seen.errors, []);
      emu.host.show();
      await tick(5000);
      assert.equal(backend.requests.length, 2, 'the next poll after one interval, not a backoff');
    }
  },
  {
    name: '503 with Retry-After waits what the server asked, and a little more',
    handler: (req, n) =>
      n === 1 ? { status: 503, headers: { 'Retry-After': '7' }, body: { code: 503, msg: 'overloaded', data: null } } : { body: ENVELOPE },
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      assert.equal(seen.errors.length, 1);
      assert.equal(seen.errors[0].statusCode, 503);
      assert.equal(seen.errors[0].delay, 7500, '7 s + 0.5 × min(20 %, 1 s)');
      await tick(7499);
      assert.equal(backend.requests.length, 1);
      await tick(1);
      assert.equal(backend.requests.length, 2);
      assert.deepEqual(seen.testMsg, ['测试消息']);
    }
  },
  {
    name: 'failures back off exponentially with jitter, and an answer resets the backoff',
    handler: (req, n) => (n <= 3 ? { netError: true } : { body: ENVELOPE }),
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      // random() = 0.5: each delay is the middle of [d/2, d], d = 5 s, 10 s, 20 s
      for (const [n, delay] of [[1, 3750], [2, 7500], [3, 15000]]) {
        assert.equal(seen.errors.length, n);
        assert.equal(seen.errors[n - 1].delay, delay);
        assert.equal(seen.errors[n - 1].error.kind, 'network');
        await tick(delay - 1);
        assert.equal(backend.requests.length, n);
        await tick(1);
        assert.equal(backend.requests.length, n + 1);
      }
      assert.deepEqual(seen.testMsg, ['测试消息']);
      await tick(5000);
      assert.equal(backend.requests.length, 5, 'back to the 5 s interval');
    }
  },
  {
    name: 'a body that is not JSON is a failed poll with backoff',
    handler: (req, n) => (n === 1 ? { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>gateway</html>' } : { body: ENVELOPE }),
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      assert.equal(seen.errors.length, 1);
      assert.equal(seen.responses.length, 0);
      await tick(3750);
      assert.equal(backend.requests.length, 2);
    }
  },
  {
    name: 'long-poll: answered at once first, then held polls back to back, then 5 s when the server stops holding',
    handler: (req, n) => {
      if (n === 1) return { body: ENVELOPE }; // no wait asked
      if (n === 2) return { hang: true };
      if (n === 3) return holding({ messages: [msg(1)], cursor: 'e-1' });
      return { body: ENVELOPE }; // an answer without "wait": the server does not hold
    },
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient({ longPoll: true });
      client.start();
      await tick(0);
      assert.deepEqual(backend.requests[0].query, {});
      await tick(0);
      assert.equal(backend.requests.length, 2, 'the long-poll follows at once');
      assert.equal(backend.requests[1].query.wait, '25');
      await tick(20000); // held 20 s: below every timeout
      assert.deepEqual(seen.errors, []);
      backend.release(holding());
      await tick(0); // the answer is handled…
      await tick(0); // …and the next poll goes out
      assert.equal(backend.requests.length, 3, 'a held answer: poll again at once');
      assert.equal(backend.requests[2].query.wait, '25');
      await tick(0);
      assert.deepEqual(seen.messages.map((m) => m.id), [1]);
      assert.equal(backend.requests.length, 4);
      assert.equal(backend.requests[3].query.cursor, 'e-1');
      await tick(4999);
      assert.equal(backend.requests.length, 4, 'no wait in the answer: back to 5 s');
      await tick(1);
      assert.equal(backend.requests.length, 5);
    }
  },
  {
    name: 'long-poll: a held poll that never answers times out (wait + 10 s) and backs off',
    handler: (req, n) => (n === 2 ? { hang: true } : { body: ENVELOPE }),
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient({ longPoll: true });
      client.start();
      await tick(0);
      await tick(0);
      assert.equal(backend.requests.length, 2);
      await tick(34999);
      assert.deepEqual(seen.errors, [], 'not before the 35 s timeout');
      await tick(1); // the host's own timeout, or the adapter's where the host takes none (swan, fetch)
      assert.equal(seen.errors.length, 1);
      assert.equal(seen.errors[0].error.kind, 'timeout');
      await tick(3749);
      assert.equal(backend.requests.length, 2);
      await tick(1);
      assert.equal(backend.requests.length, 3);
    }
  },
  {
    name: 'a targeted message reaches listeners once, across a replay and a restart',
    handler: (req, n) => {
      if (n === 1) return { body: { code: 0, msg: '', data: null, messages: [msg(1), msg(2)], cursor: 'e-2' } };
      if (n === 2) return { body: { code: 0, msg: '', data: null, messages: [msg(2)], cursor: 'e-2' } }; // at-least-once: sent again
      return { body: { code: 0, msg: '', data: null, messages: [msg(2), msg(3)], cursor: 'e-3' } }; // relaunch replays 2
    },
    async run({ backend, newClient, tick }) {
      const first = newClient();
      first.client.start();
      await tick(0);
      await tick(5000);
      assert.deepEqual(first.seen.messages.map((m) => m.id), [1, 2]);
      assert.equal(backend.requests[1].query.cursor, 'e-2');
      first.client.stop(); // the app is closed

      const relaunched = newClient(); // same platform storage
      relaunched.client.start();
      await tick(0);
      assert.equal(backend.requests[2].query.cursor, 'e-2', 'the cursor survived in the platform storage');
      assert.deepEqual(relaunched.seen.messages.map((m) => m.id), [3], 'message 2 was delivered before the restart');
      assert.deepEqual(relaunched.seen.messages[0].data, 'A3');
    }
  },
  {
    name: 'recovered:false triggers app_message_reset and forgets delivered ids',
    handler: (req, n) => {
      if (n === 1) return { body: { code: 0, msg: '', data: null, messages: [msg(1)], cursor: 'e-1' } };
      if (n === 2) return { body: { code: 0, msg: '', data: null, messages: [msg(1, 'after reset')], cursor: 'f-1', recovered: false } };
      return { body: ENVELOPE };
    },
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient();
      client.start();
      await tick(0);
      await tick(5000);
      assert.equal(seen.resets.length, 1);
      assert.deepEqual(seen.messages.map((m) => [m.id, m.data]), [[1, 'A1'], [1, 'after reset']], 'the new store reuses id 1');
      await tick(5000);
      assert.equal(backend.requests[2].query.cursor, 'f-1');
    }
  },
  {
    name: 'topics: a subscribe ends the held long-poll and asks again with the topic; each line once across a replay and a restart',
    handler: (req, n) => {
      if (n === 1) return { body: ENVELOPE }; // the answer-first poll
      if (n === 2) return { hang: true }; // held without the topic
      if (n === 3) return holding({ messages: [line(1), line(2)], cursor: 'e-2' });
      if (n === 4) return holding({ messages: [line(2)], cursor: 'e-2' }); // at-least-once: sent again
      if (n === 5) return { hang: true };
      return { body: { code: 0, msg: '', data: null, messages: [line(2), line(3)], cursor: 'e-3' } }; // the relaunch
    },
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient({ longPoll: true });
      const lines = [];
      client.subscribe('live:42', (m) => lines.push(m.id));
      const off = client.subscribe('live:42', () => {});
      off();
      client.start();
      await tick(0);
      await tick(0);
      assert.equal(backend.requests.length, 2);
      assert.equal(backend.requests[1].query.topics, 'live:42');
      const room = [];
      client.subscribe('room:7', (m) => room.push(m.id)); // while request 2 is held
      await tick(0);
      await tick(0);
      assert.equal(backend.requests[2].query.topics, 'live:42,room:7', 'asked again at once with both topics');
      assert.equal(backend.requests[2].query.wait, '25', 'still a long-poll');
      await tick(0);
      await tick(0);
      assert.equal(backend.requests.length, 5);
      assert.deepEqual(lines, [1, 2], 'line 2 sent again is shown once');
      assert.deepEqual(seen.messages, [], 'topic lines are not personal messages');
      assert.deepEqual(seen.errors, [], 'ending the held poll is no error');
      client.stop(); // the app is closed

      const relaunched = newClient(); // the same platform storage
      const after = [];
      relaunched.client.subscribe('live:42', (m) => after.push(m.id));
      relaunched.client.start();
      await tick(0);
      assert.equal(backend.requests[5].query.cursor, 'e-2', 'the cursor survived in the platform storage');
      assert.deepEqual(after, [3], 'line 2 was shown before the restart');
    }
  },
  {
    name: 'topics: a refused topic is reported once and left out of the next polls',
    handler: (req, n) => (n === 1
      ? { body: { code: 0, msg: '', data: null, refused_topics: ['vip:1'], cursor: 'e-0' } }
      : { body: ENVELOPE }),
    async run({ backend, newClient, tick }) {
      const { client, seen } = newClient();
      const refused = [];
      client.onTopicRefused((info) => refused.push(info.topic));
      client.subscribe('vip:1', () => {});
      client.subscribe('live:42', () => {});
      client.start();
      await tick(0);
      assert.equal(backend.requests[0].query.topics, 'vip:1,live:42');
      await tick(5000);
      assert.equal(backend.requests[1].query.topics, 'live:42');
      assert.deepEqual(refused, ['vip:1']);
      assert.deepEqual(seen.errors, []);
    }
  }
];

/**
 * Registers every scenario for every platform: `conformance(test, t => t.mock.timers…)`.
 * After each scenario, the host never had two of our requests open at once.
 */
export function defineConformance(test, enableFakeTime) {
  for (const spec of PLATFORM_EMULATORS) {
    for (const scenario of SCENARIOS) {
      if (scenario.only && !scenario.only.includes(spec.name)) continue;
      test(`${spec.name}: ${scenario.name}`, async (t) => {
        enableFakeTime(t);
        const backend = scriptedBackend(scenario.handler);
        const { emu, newClient } = platformEnv(t, spec, backend);
        const tick = async (ms) => {
          t.mock.timers.tick(ms);
          await flush();
        };
        await scenario.run({ t, spec, emu, backend, newClient, tick });
        assert.ok(emu.host.stats.peakInFlight <= 1, `at most one request in flight, saw ${emu.host.stats.peakInFlight}`);
      });
    }
  }
}
