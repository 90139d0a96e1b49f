'use strict';
// The same lib files as plain <script>s: evaluated in a fresh VM context with no `module` or
// `require` (as in a browser page), they must publish window.AppMessage and poll over real HTTP
// with fetch, keeping the cursor in localStorage.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { startServer, sendJson, waitFor } = require('../test-support/server');

const LIB = path.join(__dirname, '..', 'lib');
/** The order of the <script> tags a page needs (README "Browser"). */
const SCRIPT_ORDER = ['event.js', 'backoff.js', 'transport.js', 'storage.js', 'ledger.js', 'channel.js', 'appmessage.js'];

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
  return { context: vm.createContext(window), items };
}

function load(context, file) {
  vm.runInContext(fs.readFileSync(path.join(LIB, file), 'utf8'), context, { filename: file });
}

test('lib files as browser scripts_publish window.AppMessage', () => {
  const { context } = browserLikeContext();
  SCRIPT_ORDER.forEach((file) => load(context, file));
  const api = context.AppMessage;
  for (const name of ['createEventBus', 'MessageChannel', 'EVENTS', 'memoryStorage', 'webStorage']) {
    assert.ok(api[name], name);
  }
  assert.equal(api.EVENTS.RESPONSE, 'app_message_response');
});

test('a script loaded before its dependency_says which file to load first', () => {
  const { context } = browserLikeContext();
  load(context, 'event.js');
  assert.throws(() => load(context, 'channel.js'), /load lib\/backoff\.js before lib\/channel\.js/);
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
  SCRIPT_ORDER.forEach((file) => load(context, file));
  const { createEventBus, MessageChannel } = context.AppMessage;
  const event = createEventBus();
  const received = [];
  event.on('app_message_response', false).then((r) => received.push(r));
  const channel = new MessageChannel({ url: server.url, bus: event, interval: 20 });
  channel.start();
  await waitFor(() => received.length >= 1 && server.requests.length >= 2, 'a response and a second poll');
  channel.stop();
  assert.equal(received[0].data.test_msg, '测试消息');
  assert.deepEqual(JSON.parse(items.get('app_message_channel')), { cursor: 'b1', seen: ['1'] });
  assert.equal(server.requests[1].query.cursor, 'b1');
});

test('lib files_use no Node-only API and require only each other', () => {
  for (const file of fs.readdirSync(LIB)) {
    const source = fs
      .readFileSync(path.join(LIB, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '') // comments may show usage; only code counts
      .replace(/^\s*\/\/.*$/gm, '');
    const required = [...source.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
    for (const name of required) assert.match(name, /^\.\/[a-z]+$/, `${file} requires ${name}`);
    assert.doesNotMatch(source, /\b(process\.|Buffer\b|__dirname|__filename|setImmediate)/, file);
    assert.doesNotMatch(source, /\?\.|\?\?|\basync\b|\bawait\b/, `${file}: keep to syntax old WeChat base libraries run`);
  }
});
