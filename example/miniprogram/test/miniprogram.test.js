'use strict';
// The mini-program project itself: app.js registers the bus and the channel on App({...}) and
// wires onShow/onHide; the index page shows the latest value of each key. WeChat's globals
// (App, Page, getApp, wx) are stand-ins.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const { flush, fakeTime } = require('../test-support/time');

const ROOT = path.join(__dirname, '..');

function loadMiniProgram(t) {
  const requests = [];
  const storage = {};
  let app = null;
  let page = null;
  globalThis.wx = {
    request(options) {
      requests.push(options);
      return { abort: () => options.fail({ errMsg: 'request:fail abort' }) };
    },
    getStorageSync: (k) => (k in storage ? storage[k] : ''),
    setStorageSync: (k, v) => {
      storage[k] = v;
    },
    removeStorageSync: (k) => delete storage[k]
  };
  globalThis.App = (options) => {
    app = options;
  };
  globalThis.getApp = () => app;
  globalThis.Page = (options) => {
    page = options;
  };
  for (const file of ['app.js', 'config.js', 'pages/index/index.js']) {
    delete require.cache[require.resolve(path.join(ROOT, file))];
  }
  require(path.join(ROOT, 'app.js'));
  require(path.join(ROOT, 'pages/index/index.js'));
  t.after(() => {
    delete globalThis.wx;
    delete globalThis.App;
    delete globalThis.getApp;
    delete globalThis.Page;
  });
  return { app, page, requests, storage };
}

/** A page instance as WeChat builds it: the options plus data and setData. */
function instantiate(pageOptions) {
  const instance = Object.assign({}, pageOptions, { data: JSON.parse(JSON.stringify(pageOptions.data)) });
  instance.setData = (patch) => Object.assign(instance.data, patch);
  return instance;
}

test('app.js_registers the event bus and the channel, started by onShow and stopped by onHide', async (t) => {
  fakeTime(t);
  const { app, requests } = loadMiniProgram(t);
  assert.equal(typeof app.event.on, 'function');
  assert.equal(typeof app.event.off, 'function');
  assert.equal(typeof app.event.trigger, 'function');
  assert.equal(app.channel.isRunning(), false);
  app.onShow();
  t.mock.timers.tick(0);
  assert.equal(requests.length, 1);
  assert.equal(requests[0].url, require('../config').serverUrl);
  app.onHide();
  assert.equal(app.channel.isRunning(), false);
  t.mock.timers.tick(60000);
  assert.equal(requests.length, 1);
});

test('app.js_sends the token stored after login', async (t) => {
  fakeTime(t);
  const { app, requests } = loadMiniProgram(t);
  wx.setStorageSync('access_token', 'demo-alice');
  app.onShow();
  t.mock.timers.tick(0);
  assert.equal(requests[0].header['X-Access-Token'], 'demo-alice');
  app.onHide();
});

test('the seed usage from a page_receives every push', async (t) => {
  fakeTime(t);
  const { app, requests } = loadMiniProgram(t);
  const received = [];
  getApp().event.on('app_message_response', false).then((response) => received.push(response.data));
  app.onShow();
  t.mock.timers.tick(0);
  requests[0].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: { test_msg: '测试消息' } } });
  await flush();
  assert.deepEqual(received, [{ test_msg: '测试消息' }]);
  app.onHide();
});

test('the index page_lists the latest value of each key and logs polls', async (t) => {
  fakeTime(t);
  const { app, page, requests } = loadMiniProgram(t);
  const view = instantiate(page);
  view.onLoad();
  app.onShow();
  t.mock.timers.tick(0);
  requests[0].success({
    statusCode: 200,
    header: {},
    data: { code: 0, msg: '', data: { test_msg: '测试消息', plugin_wxapp_test2: { list: ['aaa', 'bbb', 'ccc'] } } }
  });
  await flush();
  t.mock.timers.tick(5000);
  requests[1].success({
    statusCode: 200,
    header: {},
    data: { code: 0, msg: '', data: { test_msg: '新消息' }, messages: [{ id: 3, key: 'order_shipped', data: 'A1', sent_at: 1 }], cursor: 'c3' }
  });
  await flush();
  assert.deepEqual(view.data.entries, [
    { key: 'plugin_wxapp_test2', value: '{"list":["aaa","bbb","ccc"]}' },
    { key: 'test_msg', value: '新消息' }
  ]);
  assert.deepEqual(view.data.messages, [{ id: '3', title: 'order_shipped · #3', text: 'A1' }]);
  assert.equal(view.data.log.length, 2);
  assert.match(view.data.log[0].text, /HTTP 200/);
  view.onUnload();
  assert.equal(app.event.listenerCount('app_message_response'), 0);
  app.onHide();
});

test('the index page_lists demo messages newest first and clears them on app_message_reset', async (t) => {
  fakeTime(t);
  const { app, page, requests } = loadMiniProgram(t);
  const warnings = [];
  t.mock.method(console, 'warn', (...args) => warnings.push(args.join(' ')));
  const view = instantiate(page);
  view.onLoad();
  app.onShow();
  const demo = (id, from, text) => ({ id, key: 'demo_message', data: { from, text, sent_at: 1 }, sent_at: 2 });
  t.mock.timers.tick(0);
  requests[0].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null, messages: [demo(1, 'alice', 'hi'), demo(2, 'carol', 'yo')], cursor: 'e-2' } });
  await flush();
  assert.deepEqual(view.data.messages.map((m) => [m.title, m.text]), [['来自 from carol · #2', 'yo'], ['来自 from alice · #1', 'hi']]);

  t.mock.timers.tick(5000);
  requests[1].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null, messages: [], cursor: 'f-0', recovered: false } });
  await flush();
  assert.deepEqual(view.data.messages, [], 'the server lost our cursor: the list starts again');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /lost our message cursor/);
  view.onUnload();
  app.onHide();
});

test('the project files_are valid JSON and name the page', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'));
  assert.deepEqual(appJson.pages, ['pages/index/index']);
  for (const ext of ['js', 'json', 'wxml', 'wxss']) {
    assert.ok(fs.existsSync(path.join(ROOT, 'pages/index/index.' + ext)), ext);
  }
  const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'));
  assert.equal(project.compileType, 'miniprogram');
  assert.equal(project.setting.urlCheck, false);
  JSON.parse(fs.readFileSync(path.join(ROOT, 'sitemap.json'), 'utf8'));
});

test('the index page_shows the live room\'s lines once, apart from my messages, and leaves the topic on unload', async (t) => {
  fakeTime(t);
  const { app, page, requests } = loadMiniProgram(t);
  const view = instantiate(page);
  view.onLoad();
  assert.equal(view.data.room, 'live:42');
  app.onShow();
  t.mock.timers.tick(0);
  assert.match(requests[0].url, /[?&]topics=live%3A42(&|$)/, 'the poll carries the room');
  const line = (id, from, text) => ({ id, key: 'live_chat', data: { from, text }, sent_at: id, topic: 'live:42' });
  const mine = { id: 1, key: 'demo_message', data: { from: 'bob', text: 'for you', sent_at: 1 }, sent_at: 1 };
  requests[0].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null, messages: [line(1, 'alice', '大家好'), mine, line(2, 'bob', 'hi all')], cursor: 'c2' } });
  await flush();
  t.mock.timers.tick(5000);
  // sent again (at-least-once) with one new line
  requests[1].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null, messages: [line(2, 'bob', 'hi all'), line(3, 'carol', 'yo')], cursor: 'c3' } });
  await flush();
  assert.deepEqual(view.data.lines.map((l) => [l.who, l.text]), [['alice · #1', '大家好'], ['bob · #2', 'hi all'], ['carol · #3', 'yo']]);
  assert.deepEqual(view.data.messages.map((m) => m.text), ['for you'], 'only my own message in the messages list');

  t.mock.timers.tick(5000);
  requests[2].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null, messages: [], cursor: 'c3', topics: { 'live:42': { recovered: false } } } });
  await flush();
  assert.deepEqual(view.data.lines, [], 'history trimmed past us: the room starts again');
  assert.match(view.data.roomNote, /history trimmed/);

  view.onUnload();
  t.mock.timers.tick(5000);
  requests[3].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null } });
  await flush();
  t.mock.timers.tick(5000);
  assert.doesNotMatch(requests[4].url, /topics=/, 'the page is gone: so is its topic');
  assert.equal(app.event.listenerCount('app_message_topic_reset'), 0);
  app.onHide();
});

test('the index page_says so when the server refuses the room', async (t) => {
  fakeTime(t);
  const { app, page, requests } = loadMiniProgram(t);
  const view = instantiate(page);
  view.onLoad();
  app.onShow();
  t.mock.timers.tick(0);
  requests[0].success({ statusCode: 200, header: {}, data: { code: 0, msg: '', data: null, refused_topics: ['live:42'], cursor: 'c0' } });
  await flush();
  assert.match(view.data.roomNote, /refused by the server: live:42/);
  t.mock.timers.tick(5000);
  assert.doesNotMatch(requests[1].url, /topics=/, 'not asked for again');
  view.onUnload();
  app.onHide();
});
