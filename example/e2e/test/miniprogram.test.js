'use strict';
// The native mini-program (example/miniprogram) as WeChat DevTools runs it: a copy of the project
// with its config.js pointed at the REAL example jar (as its README says to do), 构建 npm done the
// documented way (appmessage-client's "miniprogram" folder copied to miniprogram_npm/), then loaded
// in the WeChat host emulator (runtime/client/test-support/miniprogram-host.js: App() and Page() in
// WeChat's lifecycle order, setData to a view rendered from index.wxml, wx.request over loopback,
// no browser or Node globals). So the page runs on the package as built, with no copy of it in git,
// and the seed's getApp().event.on('app_message_response', false).then(cb) is used unchanged.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { startExampleServer, sendDemoMessage, waitFor, sleep } = require('../support/example-server');

const CLIENT_SUPPORT = path.resolve(__dirname, '..', '..', '..', 'runtime', 'client', 'test-support');
const PROJECT = path.resolve(__dirname, '..', '..', 'miniprogram');
const SEEN_WITHIN_MS = 5000;

let server;
let host;
let emulators;
let parts;
let copy;

test.before(async () => {
  if (!fs.existsSync(path.join(PROJECT, 'node_modules', 'appmessage-client'))) {
    throw new Error(`${PROJECT}/node_modules is missing: run "npm ci" there (mvn verify does)`);
  }
  host = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'miniprogram-host.js')).href);
  emulators = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'emulators.js')).href);
  parts = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'miniprogram-parts.js')).href);
  server = await startExampleServer();
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-miniprogram-'));
  fs.cpSync(PROJECT, copy, { recursive: true, filter: (f) => !/[/\\](test|test-support|miniprogram_npm)$/.test(f) });
  const config = path.join(copy, 'config.js');
  fs.writeFileSync(config, fs.readFileSync(config, 'utf8')
    .replace(/serverUrl: '[^']*'/, `serverUrl: '${server.pollUrl}'`)
    .replace(/interval: \d+/, 'interval: 1000')
    .replace(/accessToken: '[^']*'/, "accessToken: 'demo-alice'"));
  parts.buildNpm(copy, { fs, path });
});

test.after(async () => {
  if (server) await server.stop();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

function launch(t) {
  const backend = emulators.httpBackend();
  const mp = host.launchMiniProgram(copy, { backend });
  t.after(() => mp.close());
  return { mp, backend };
}

test('native mini-program_runs on miniprogram_npm/appmessage-client and its page shows test_msg', async (t) => {
  assert.deepEqual(fs.readdirSync(path.join(copy, 'miniprogram_npm', 'appmessage-client')), ['index.js']);
  const { mp, backend } = launch(t);
  const entry = (key) => mp.texts('.entry').find((s) => s.startsWith(key));
  await waitFor(() => entry('test_msg') === 'test_msg测试消息', 'test_msg on the page', SEEN_WITHIN_MS);
  await waitFor(() => entry('order_status') !== undefined, 'order_status on the page', SEEN_WITHIN_MS);
  assert.match(entry('order_status'), /A-1001/);
  assert.equal(backend.requests[0].headers['X-Access-Token'], 'demo-alice');
  assert.equal(mp.app.client.platform, 'wx', 'the client found wx by itself');
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test("native mini-program_the seed's getApp().event.on('app_message_response', false).then(cb) hears every answer", async (t) => {
  const { mp } = launch(t);
  const heard = [];
  // getApp() inside the mini-program returns this same object
  mp.app.event.on('app_message_response', false).then((response) => heard.push(response.data && response.data.test_msg));
  await waitFor(() => heard.length >= 2, 'two answers', SEEN_WITHIN_MS);
  assert.deepEqual(heard.slice(0, 2), ['测试消息', '测试消息'], 'removeTrigger false: the listener stays');
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test('native mini-program_lists a targeted message once', async (t) => {
  const { mp } = launch(t);
  await waitFor(() => mp.texts('.entry').length > 0, 'the first answer', SEEN_WITHIN_MS);
  const text = `native hello ${Date.now()}`;
  assert.equal((await sendDemoMessage(server, 'demo-carol', 'alice', text)).status, 200);
  await waitFor(() => mp.texts('.message').some((s) => s.includes(text)), 'the targeted message on the page', SEEN_WITHIN_MS);
  await sleep(2500); // two more polls re-send nothing already delivered
  assert.equal(mp.texts('.message').filter((s) => s.includes(text)).length, 1);
  mp.hide();
  assert.deepEqual(mp.problems, []);
});
