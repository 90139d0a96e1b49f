'use strict';
// The uni-app (Vue 3) demo (example/uniapp) built for the WeChat mini-program target by uni-app's own
// toolchain (`uni build -p mp-weixin`, @dcloudio/uni-mp-weixin), run in the WeChat host emulator
// (runtime/client/test-support/miniprogram-host.js) against the REAL example jar over loopback.
// WeChat itself cannot run here. The emulator loads the build's output as DevTools imports it and
// keeps WeChat's documented rules: one JS realm with no browser or Node globals (no fetch, no
// location), App() then the page (uni-app builds pages with Component()) in WeChat's lifecycle
// order, setData JSON-copied to a view rendered from the page's .wxml, wx.request with success on
// every status, ≤ 10 in flight, and after a hide the JS thread stopping 5 s later with open requests
// failing "interrupted". So what is asserted is what the page's view would show.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { startExampleServer, sendDemoMessage, sayInLiveRoom, waitFor, sleep } = require('../support/example-server');

const CLIENT_SUPPORT = path.resolve(__dirname, '..', '..', '..', 'runtime', 'client', 'test-support');
const MP_WEIXIN = path.resolve(__dirname, '..', '..', 'uniapp', 'dist', 'build', 'mp-weixin');
const SEEN_WITHIN_MS = 5000;

let server;
let host;
let emulators;

test.before(async () => {
  if (!fs.existsSync(path.join(MP_WEIXIN, 'app.json'))) {
    throw new Error(`${MP_WEIXIN} is missing: build it with "npm ci && npm run build:mp-weixin" in example/uniapp (mvn verify does)`);
  }
  host = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'miniprogram-host.js')).href);
  emulators = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'emulators.js')).href);
  server = await startExampleServer();
});

test.after(async () => {
  if (server) await server.stop();
});

/** Launches the built mini-program with a launch query, as DevTools' 启动参数 would. */
function launch(t, query) {
  const backend = emulators.httpBackend();
  const mp = host.launchMiniProgram(MP_WEIXIN, { backend, query: { api: new URL(server.url).origin, ...query } });
  t.after(() => mp.close());
  return { mp, backend };
}

const shows = (mp, selector, text) => () => mp.texts(selector).some((s) => s.includes(text));

test('uni-app mp-weixin build_polls through uni.request → wx.request and its view shows the pushed test_msg', async (t) => {
  const { mp, backend } = launch(t, { user: 'alice', interval: '1000' });
  await waitFor(shows(mp, '#test-msg', 'test_msg: 测试消息'), 'test_msg in the view', SEEN_WITHIN_MS);
  await waitFor(shows(mp, '#order', 'A-1001 shipped'), 'order_status in the view', SEEN_WITHIN_MS);
  assert.deepEqual(mp.texts('#platform'), ['platform: uni']);
  assert.equal(backend.requests[0].url, server.pollUrl + '?topics=live%3A42');
  assert.equal(backend.requests[0].headers['X-Access-Token'], 'demo-alice');
  assert.equal(mp.host.stats.peakInFlight, 1, 'one poll at a time');
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test('uni-app mp-weixin build_lists a targeted message once, delivered through a held long-poll', async (t) => {
  const { mp } = launch(t, { user: 'bob', longpoll: '1' });
  await waitFor(shows(mp, '#test-msg', '测试消息'), 'the first answer', SEEN_WITHIN_MS);
  const text = `mp-weixin hello ${Date.now()}`;
  assert.equal((await sendDemoMessage(server, 'demo-carol', 'bob', text)).status, 200);
  await waitFor(shows(mp, '.message', text), 'the targeted message in the view', SEEN_WITHIN_MS);
  await sleep(1500); // later polls re-send nothing already delivered
  assert.deepEqual(mp.texts('.message').filter((s) => s.includes(text)), ['carol: ' + text]);
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test('uni-app mp-weixin build_subscribes to live:42 and lists a line said there once', async (t) => {
  const { mp } = launch(t, { user: 'carol', longpoll: '1' });
  await waitFor(shows(mp, '#test-msg', '测试消息'), 'the first answer', SEEN_WITHIN_MS);
  const text = `mp-weixin room line ${Date.now()}`;
  assert.equal((await sayInLiveRoom(server, 'demo-alice', '42', text)).status, 200);
  await waitFor(shows(mp, '.line', text), 'the room line in the view', SEEN_WITHIN_MS);
  await sleep(1500); // later polls re-send nothing already delivered
  assert.deepEqual(mp.texts('.line').filter((s) => s.includes(text)), ['alice: ' + text]);
  assert.equal(mp.texts('.message').filter((s) => s.includes(text)).length, 0, 'a room line is no personal message');
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test('uni-app mp-weixin build_stops polling on hide (App onHide) and polls at once on show', async (t) => {
  const { mp, backend } = launch(t, { user: 'alice', interval: '500' });
  await waitFor(() => backend.requests.length >= 2, 'two polls', SEEN_WITHIN_MS);
  mp.hide();
  await sleep(300); // an answer in flight may still land
  const afterHide = backend.requests.length;
  await sleep(1500); // three intervals
  assert.equal(backend.requests.length, afterHide, 'nothing is sent while the app is hidden');
  mp.show();
  await waitFor(() => backend.requests.length > afterHide, 'a poll after onShow', 300);
  mp.hide();
  assert.deepEqual(mp.problems, []);
});
