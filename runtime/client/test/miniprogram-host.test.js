// The WeChat host emulator itself (test-support/miniprogram-host.js), on a small mini-program written
// here: the rules the built demos rely on (lifecycle order, no browser globals, setData paths and the
// view, URL checks, the JS thread stopping 5 s after a hide).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchMiniProgram } from '../test-support/miniprogram-host.js';
import { scriptedBackend } from '../test-support/emulators.js';

function project(t, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appmessage-mp-host-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const all = { 'app.json': JSON.stringify({ pages: ['pages/a/a'] }), 'pages/a/a.wxml': '<view id="v">{{a.b}} {{list[1]}}</view><view wx:if="{{list.length === 0}}" class="empty">none</view>', ...files };
  for (const [name, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const ok = () => scriptedBackend(() => ({ body: { code: 0, msg: '', data: null } }));

test('the host_runs App and a Component-built page in WeChat\'s order, without browser or Node globals', (t) => {
  const dir = project(t, {
    'app.js': `const seen = require('./seen'); App({ seen, onLaunch(o) { seen.push('App.onLaunch ' + o.query.x); }, onShow() { seen.push('App.onShow'); }, onHide() { seen.push('App.onHide'); } });`,
    'seen.js': `module.exports = [[typeof window, typeof document, typeof location, typeof fetch, typeof process, typeof URLSearchParams].join()];`,
    'pages/a/a.js': `const seen = require('../../seen.js');
      Component({ lifetimes: { created() { seen.push('created'); }, attached() { seen.push('attached'); }, ready() { seen.push('ready'); } },
        pageLifetimes: { show() { seen.push('pageLifetimes.show'); }, hide() { seen.push('pageLifetimes.hide'); } },
        methods: { onLoad(q) { seen.push('onLoad ' + q.x + ' ' + (this.data === this.properties)); }, onShow() { seen.push('onShow'); }, onHide() { seen.push('onHide'); }, onReady() { seen.push('onReady'); } } });`
  });
  const mp = launchMiniProgram(dir, { backend: ok(), query: { x: '1' } });
  t.after(() => mp.close());
  mp.hide();
  assert.deepEqual([...mp.app.seen], [
    'undefined,undefined,undefined,undefined,undefined,undefined',
    'App.onLaunch 1', 'App.onShow', 'created', 'attached', 'onLoad 1 true', 'onShow', 'pageLifetimes.show', 'ready', 'onReady',
    'onHide', 'pageLifetimes.hide', 'App.onHide'
  ]);
  assert.deepEqual(mp.problems, []);
});

test('the host_setData takes data paths, the view renders a JSON copy, undefined is refused with WeChat\'s warning', (t) => {
  const dir = project(t, {
    'app.js': 'App({});',
    'pages/a/a.js': `Page({ data: { a: { b: 'x' }, list: [] }, onLoad() { this.setData({ 'a.b': 'y', 'list[1]': 'two', gone: undefined }); } });`
  });
  const mp = launchMiniProgram(dir, { backend: ok() });
  t.after(() => mp.close());
  assert.deepEqual(mp.texts('#v'), ['y two']);
  assert.deepEqual(mp.texts('.empty'), []);
  assert.deepEqual(mp.problems, ['console.warn: Setting data field "gone" to undefined is invalid.']);
});

test('the host_wx.request refuses a relative URL, and plain http unless urlCheck is off', async (t) => {
  const dir = project(t, {
    'app.js': `const out = []; App({ out, onLaunch() {
      wx.request({ url: '/api/message/index', fail: (e) => out.push(e.errMsg) });
      wx.request({ url: 'http://127.0.0.1:1/x', fail: (e) => out.push(e.errMsg) });
    } });`,
    'pages/a/a.js': 'Page({ data: { a: {}, list: [] } });'
  });
  const mp = launchMiniProgram(dir, { backend: ok() });
  t.after(() => mp.close());
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual([...mp.app.out], ['request:fail invalid url "/api/message/index"', 'request:fail url not in domain list']);
});

test('the host_stops the JS thread 5 s after a hide: timers wait until the app shows again', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const dir = project(t, {
    'app.js': `const ticks = []; App({ ticks, onLaunch() { setInterval(() => ticks.push(1), 1000); } });`,
    'pages/a/a.js': 'Page({ data: { a: {}, list: [] } });'
  });
  const mp = launchMiniProgram(dir, { backend: ok() });
  t.after(() => mp.close());
  mp.hide();
  t.mock.timers.tick(5000);
  assert.equal(mp.app.ticks.length, 5, 'the thread still runs for 5 s');
  t.mock.timers.tick(10000);
  assert.equal(mp.app.ticks.length, 5, 'then nothing runs');
  mp.show();
  assert.equal(mp.app.ticks.length, 6, 'the overdue interval runs once on show');
});
