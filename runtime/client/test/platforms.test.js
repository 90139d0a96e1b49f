// Which platform the client picks, and the adapter edges the conformance scenarios do not reach.
import test from 'node:test';
import assert from 'node:assert/strict';
import { detectPlatform, resolvePlatform, createClient } from '../src/index.js';
import { emulateWx, emulateUni, emulateQq, emulateMy, scriptedBackend } from '../test-support/emulators.js';
import { flush } from '../test-support/conformance.js';

function install(t, globals) {
  for (const [name, api] of Object.entries(globals)) globalThis[name] = api;
  t.after(() => Object.keys(globals).forEach((name) => delete globalThis[name]));
}

const backend = () => scriptedBackend(() => ({ body: { code: 0, msg: '', data: null } }));

test('no mini-program global_is web (fetch)', () => {
  assert.equal(detectPlatform(), 'web');
  assert.equal(typeof resolvePlatform({}).transport, 'function');
});

test('uni-app on mp-weixin has uni and wx_uni is picked', (t) => {
  install(t, { wx: emulateWx(backend()).api, uni: emulateUni(backend()).api });
  assert.equal(detectPlatform(), 'uni');
});

test('QQ also answering to wx_qq is picked', (t) => {
  install(t, { wx: emulateWx(backend()).api, qq: emulateQq(backend()).api });
  assert.equal(detectPlatform(), 'qq');
});

test('a global without request()_is not a platform', (t) => {
  install(t, { wx: { getStorageSync() {} } });
  assert.equal(detectPlatform(), 'web');
});

test('an unknown platform name_is a clear error', () => {
  assert.throws(() => resolvePlatform({ platform: 'ios' }), /unknown platform "ios"; use one of web, uni, taro, qq, wx, my, tt, swan/);
});

test('Alipay storage_is called with {key, data} objects', (t) => {
  const my = emulateMy(backend());
  install(t, { my: my.api });
  const { storage } = resolvePlatform({});
  storage.set('k', { cursor: 'c1', seen: ['1'] });
  assert.deepEqual(my.api.getStorageSync({ key: 'k' }).data, { cursor: 'c1', seen: ['1'] });
  assert.deepEqual(storage.get('k'), { cursor: 'c1', seen: ['1'] });
  storage.remove('k');
  assert.equal(storage.get('k'), null);
});

test('a host that throws on request()_is a failed poll with backoff, not a crash', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_700_000_000_000 });
  let calls = 0;
  const api = {
    request() {
      calls++;
      throw new TypeError('request:fail invalid url');
    }
  };
  const client = createClient({ url: 'not a url', platform: 'wx', api, random: () => 0.5 });
  t.after(() => client.stop());
  const errors = [];
  client.onError((e) => errors.push(e));
  client.start();
  t.mock.timers.tick(0);
  await flush();
  assert.equal(errors.length, 1);
  assert.equal(errors[0].error.kind, 'network');
  assert.match(errors[0].error.message, /invalid url/);
  t.mock.timers.tick(3750);
  assert.equal(calls, 2, 'retried after the backoff');
});
