// The browser build (dist/browser/appmessage.js) as a plain <script>: evaluated in a fresh VM
// context with no `module` or `require` (as in a browser page), it must publish window.AppMessage
// and poll over real HTTP with fetch, keeping the cursor in localStorage. And the sources must
// stay runnable by old WeChat base libraries as they are.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { startServer, sendJson, waitFor } from '../test-support/server.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROWSER_BUILD = path.join(ROOT, 'dist', 'browser', 'appmessage.js');
const SRC = path.join(ROOT, 'src');

function browserLikeContext() {
  const items = new Map();
  const window = {
    fetch,
    AbortController,
    setTimeout,
    clearTimeout,
    console,
    localStorage: {
      getItem: (k) => (items.has(k) ? items.get(k) : null),
      setItem: (k, v) => items.set(k, String(v)),
      removeItem: (k) => items.delete(k)
    }
  };
  window.self = window;
  window.window = window;
  return { context: vm.createContext(window), items };
}

function loadBrowserBuild(context) {
  assert.ok(fs.existsSync(BROWSER_BUILD), `${BROWSER_BUILD} is missing: run "node build.js" first (npm test does)`);
  vm.runInContext(fs.readFileSync(BROWSER_BUILD, 'utf8'), context, { filename: 'appmessage.js' });
}

test('the browser build as a script_publishes window.AppMessage', () => {
  const { context } = browserLikeContext();
  loadBrowserBuild(context);
  const api = context.AppMessage;
  for (const name of ['createEventBus', 'MessageChannel', 'createClient', 'EVENTS', 'memoryStorage', 'webStorage']) {
    assert.equal(typeof api[name], name === 'EVENTS' ? 'object' : 'function', name);
  }
  assert.equal(api.EVENTS.RESPONSE, 'app_message_response');
  assert.equal(api.detectPlatform(), 'web');
});

test('the browser build_polls over real HTTP and keeps the cursor in localStorage', async (t) => {
  const server = await startServer((req, res) =>
    sendJson(res, 200, {
      code: 0,
      msg: '',
      data: { test_msg: '测试消息' },
      messages: [{ id: 1, key: 'hello', data: 'hi', sent_at: 1 }],
      cursor: 'b1'
    })
  );
  t.after(() => server.close());
  const { context, items } = browserLikeContext();
  loadBrowserBuild(context);
  const { createEventBus, MessageChannel } = context.AppMessage;
  const event = createEventBus();
  const received = [];
  event.on('app_message_response', false).then((r) => received.push(r));
  const channel = new MessageChannel({ url: server.url, bus: event, interval: 20 });
  channel.start();
  await waitFor(() => received.length >= 1 && server.requests.length >= 2, 'a response and a second poll');
  channel.stop();
  assert.equal(received[0].data.test_msg, '测试消息');
  assert.deepEqual(JSON.parse(items.get('app_message_channel')), { cursor: 'b1', seen: ['1'], topics: {} });
  assert.equal(server.requests[1].query.cursor, 'b1');
});

test('sources_use no Node-only API, import only each other, and keep to old syntax', () => {
  for (const file of fs.readdirSync(SRC)) {
    const source = fs
      .readFileSync(path.join(SRC, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '') // comments may show usage; only code counts
      .replace(/^\s*\/\/.*$/gm, '');
    const imported = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const name of imported) {
      assert.ok(/^\.\/[a-z]+\.js$/.test(name) || (file === 'vue.js' && name === 'vue'), `${file} imports ${name}`);
    }
    assert.doesNotMatch(source, /\brequire\(/, `${file}: import, not require`);
    assert.doesNotMatch(source, /\b(process\.|Buffer\b|__dirname|__filename|setImmediate)/, file);
    assert.doesNotMatch(source, /\?\.|\?\?|\basync\b|\bawait\b/, `${file}: keep to syntax old WeChat base libraries run`);
  }
});
