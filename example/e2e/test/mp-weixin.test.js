'use strict';
// The demos built for the WeChat mini-program target by their own toolchains: the uni-app (Vue 3)
// page (example/uniapp, `uni build -p mp-weixin` with @dcloudio/uni-mp-weixin) and the Taro (Vue 3)
// page (example/taro, `taro build --type weapp`), each run in the WeChat host emulator
// (runtime/client/test-support/miniprogram-host.js) against the REAL example jar over loopback.
// WeChat itself cannot run here. The emulator loads the build's output as DevTools imports it and
// keeps WeChat's documented rules: one JS realm with no browser or Node globals (no fetch, no
// location), App() then the page (uni-app builds it with Component(), Taro with Page()) in WeChat's
// lifecycle order, setData JSON-copied to the view, wx.request with success on every status, ≤ 10 in
// flight, and after a hide the JS thread stopping 5 s later with open requests failing
// "interrupted". What is asserted is what the page's view shows: uni-app's .wxml rendered with the
// data sent (wxml.js); Taro's node tree that its generic templates render (taro-view.js).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { startExampleServer, sendDemoMessage, sayInLiveRoom, waitFor, sleep } = require('../support/example-server');

const CLIENT_SUPPORT = path.resolve(__dirname, '..', '..', '..', 'runtime', 'client', 'test-support');
const EXAMPLE = path.resolve(__dirname, '..', '..');
const BUILDS = [
  { name: 'uni-app mp-weixin build', dir: path.join(EXAMPLE, 'uniapp', 'dist', 'build', 'mp-weixin'), build: 'npm run build:mp-weixin" in example/uniapp', platform: 'uni' },
  { name: 'Taro weapp build', dir: path.join(EXAMPLE, 'taro', 'dist', 'weapp'), build: 'npm run build:weapp" in example/taro', platform: 'taro' }
];
const SEEN_WITHIN_MS = 5000;

let server;
let host;
let emulators;
let taroView;

test.before(async () => {
  for (const b of BUILDS) {
    if (!fs.existsSync(path.join(b.dir, 'app.json'))) throw new Error(`${b.dir} is missing: build it with "npm ci && ${b.build} (mvn verify does)`);
  }
  host = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'miniprogram-host.js')).href);
  emulators = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'emulators.js')).href);
  taroView = await import(pathToFileURL(path.join(CLIENT_SUPPORT, 'taro-view.js')).href);
  server = await startExampleServer();
});

test.after(async () => {
  if (server) await server.stop();
});

/** Launches a built mini-program with a launch query, as DevTools' 启动参数 would. */
function launch(t, build, query) {
  const backend = emulators.httpBackend();
  const mp = host.launchMiniProgram(build.dir, { backend, query: { api: new URL(server.url).origin, ...query } });
  t.after(() => mp.close());
  // uni-app's view is its .wxml with the data; Taro's is the node tree its templates render
  const texts = build.platform === 'taro' ? (selector) => taroView.taroTexts(mp.viewData(), selector) : (selector) => mp.texts(selector);
  return { mp, backend, texts };
}

const shows = (texts, selector, text) => () => texts(selector).some((s) => s.includes(text));

for (const build of BUILDS) {

test(`${build.name}_polls through ${build.platform}.request → wx.request and its view shows the pushed test_msg`, async (t) => {
  const { mp, backend, texts } = launch(t, build, { user: 'alice', interval: '1000' });
  await waitFor(shows(texts, '#test-msg', 'test_msg: 测试消息'), 'test_msg in the view', SEEN_WITHIN_MS);
  await waitFor(shows(texts, '#order', 'A-1001 shipped'), 'order_status in the view', SEEN_WITHIN_MS);
  assert.deepEqual(texts('#platform'), ['platform: ' + build.platform]);
  assert.equal(backend.requests[0].url, server.pollUrl + '?topics=live%3A42');
  assert.equal(backend.requests[0].headers['X-Access-Token'], 'demo-alice');
  assert.equal(mp.host.stats.peakInFlight, 1, 'one poll at a time');
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test(`${build.name}_lists a targeted message once, delivered through a held long-poll`, async (t) => {
  const { mp, texts } = launch(t, build, { user: 'bob', longpoll: '1' });
  await waitFor(shows(texts, '#test-msg', '测试消息'), 'the first answer', SEEN_WITHIN_MS);
  const text = `${build.platform} weapp hello ${Date.now()}`;
  assert.equal((await sendDemoMessage(server, 'demo-carol', 'bob', text)).status, 200);
  await waitFor(shows(texts, '.message', text), 'the targeted message in the view', SEEN_WITHIN_MS);
  await sleep(1500); // later polls re-send nothing already delivered
  assert.deepEqual(texts('.message').filter((s) => s.includes(text)), ['carol: ' + text]);
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test(`${build.name}_subscribes to live:42 and lists a line said there once`, async (t) => {
  const { mp, texts } = launch(t, build, { user: 'carol', longpoll: '1' });
  await waitFor(shows(texts, '#test-msg', '测试消息'), 'the first answer', SEEN_WITHIN_MS);
  const text = `${build.platform} weapp room line ${Date.now()}`;
  assert.equal((await sayInLiveRoom(server, 'demo-alice', '42', text)).status, 200);
  await waitFor(shows(texts, '.line', text), 'the room line in the view', SEEN_WITHIN_MS);
  await sleep(1500); // later polls re-send nothing already delivered
  assert.deepEqual(texts('.line').filter((s) => s.includes(text)), ['alice: ' + text]);
  assert.equal(texts('.message').filter((s) => s.includes(text)).length, 0, 'a room line is no personal message');
  mp.hide();
  assert.deepEqual(mp.problems, []);
});

test(`${build.name}_stops polling on hide (App onHide) and polls at once on show`, async (t) => {
  const { mp, backend } = launch(t, build, { user: 'alice', interval: '500' });
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
}
