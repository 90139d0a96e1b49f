// The built package as its users load it (dist/ comes from build.js; npm test and Maven build it
// first): CommonJS and ESM through package.json "exports", the Vue entry sharing the core's client,
// and the mini-program build run the way WeChat runs miniprogram_npm/appmessage-client/index.js.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { emulateWx, scriptedBackend } from '../test-support/emulators.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const require = createRequire(import.meta.url);

test('require("appmessage-client")_loads the CommonJS build', () => {
  const cjs = require('appmessage-client');
  assert.equal(require.resolve('appmessage-client'), path.join(ROOT, 'dist', 'cjs', 'index.js'));
  assert.equal(typeof cjs.createClient, 'function');
  assert.equal(typeof cjs.createEventBus().on, 'function');
});

test('import("appmessage-client")_loads the ES module build, and /vue shares its client', async () => {
  const esm = await import('appmessage-client');
  const vue = await import('appmessage-client/vue');
  assert.equal(typeof esm.createClient, 'function');
  assert.equal(typeof vue.useAppMessage, 'function');
  const client = esm.createClient({ url: 'https://x/api/message/index', transport: () => ({ promise: new Promise(() => {}), abort() {} }) });
  esm.setDefaultClient(client);
  assert.equal(vue.useAppMessage('k').value, undefined, 'the composable found the client made through the main entry');
  esm.setDefaultClient(null);
});

test('the miniprogram field_names a folder with index.js, the entry WeChat DevTools builds into miniprogram_npm', () => {
  assert.equal(pkg.miniprogram, 'dist/miniprogram');
  assert.ok(fs.existsSync(path.join(ROOT, pkg.miniprogram, 'index.js')));
  assert.deepEqual(fs.readdirSync(path.join(ROOT, pkg.miniprogram)), ['index.js'], 'one file: nothing else to resolve');
});

test('the mini-program build_runs as a WeChat module and polls through wx.request', async () => {
  const source = fs.readFileSync(path.join(ROOT, pkg.miniprogram, 'index.js'), 'utf8');
  const backend = scriptedBackend(() => ({ body: { code: 0, msg: '', data: { test_msg: '测试消息' } } }));
  const { api } = emulateWx(backend);
  // WeChat wraps each file as function (require, module, exports, …) with `wx` in scope and no Node globals
  const context = vm.createContext({ wx: api, setTimeout, clearTimeout, console, Promise });
  const module = { exports: {} };
  vm.runInContext(`(function (require, module, exports) {${source}\n})`, context)(() => {
    throw new Error('the mini-program build must need no other module');
  }, module, module.exports);
  const { createClient } = module.exports;
  const client = createClient({ url: 'https://shop.example.com/api/message/index' });
  assert.equal(client.platform, 'wx');
  const received = await new Promise((resolve) => {
    client.on('test_msg', resolve);
    client.start();
  });
  client.stop();
  assert.equal(received, '测试消息');
  assert.equal(backend.requests.length, 1);
});
