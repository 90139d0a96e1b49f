// The mini-program path: with a global `wx`, the channel uses wx.request and wx storage by itself.
// WeChat cannot run in Node, so `wx` here is a stand-in that behaves as documented: success for
// every HTTP status, fail with errMsg "request:fail interrupted" / "request:fail abort".
import test from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from '../src/channel.js';
import { flush, fakeTime, recordingBus } from '../test-support/fakes.js';

function installWx(t) {
  const requests = [];
  const storage = {};
  const wx = {
    request(options) {
      const entry = { options, aborted: false };
      requests.push(entry);
      return {
        abort() {
          entry.aborted = true;
          options.fail({ errMsg: 'request:fail abort' });
        }
      };
    },
    getStorageSync: (key) => (key in storage ? storage[key] : ''),
    setStorageSync: (key, value) => {
      storage[key] = value;
    },
    removeStorageSync: (key) => delete storage[key]
  };
  globalThis.wx = wx;
  let fetchCalls = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = () => {
    fetchCalls++;
    return realFetch('http://127.0.0.1:9/');
  };
  t.after(() => {
    delete globalThis.wx;
    globalThis.fetch = realFetch;
  });
  return { wx, requests, storage, fetchCalls: () => fetchCalls };
}

function newChannel(options = {}) {
  const { bus, events } = recordingBus();
  const channel = new MessageChannel({ url: 'https://shop.example.com/api/message/index', bus, random: () => 0, ...options });
  return { channel, events };
}

test('with wx_the channel uses wx.request, not fetch', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel, events } = newChannel({ accessToken: 'demo-carol' });
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(wx.requests.length, 1);
  assert.equal(wx.fetchCalls(), 0);
  const { options } = wx.requests[0];
  assert.equal(options.url, 'https://shop.example.com/api/message/index');
  assert.equal(options.method, 'GET');
  assert.equal(options.timeout, 15000);
  assert.deepEqual(options.header, { 'X-Access-Token': 'demo-carol' });
  options.success({ statusCode: 200, header: { 'Content-Type': 'application/json' }, data: { code: 0, msg: '', data: { test_msg: '测试消息' } } });
  await flush();
  assert.equal(events.app_message_response[0].data.test_msg, '测试消息');
  channel.stop();
});

test('wx success with statusCode 503_is an error that honours Retry-After in any header case', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel, events } = newChannel();
  channel.start();
  t.mock.timers.tick(0);
  wx.requests[0].options.success({ statusCode: 503, header: { 'Retry-After': '12' }, data: { code: 503, msg: 'busy', data: null } });
  await flush();
  assert.equal(events.app_message_response.length, 0);
  assert.equal(events.app_message_error[0].delay, 12000);
  channel.stop();
});

test('wx success with a string body_is not taken as an envelope', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel, events } = newChannel();
  channel.start();
  t.mock.timers.tick(0);
  wx.requests[0].options.success({ statusCode: 200, header: {}, data: 'not json' });
  await flush();
  assert.match(events.app_message_error[0].error.message, /not a JSON envelope/);
  channel.stop();
});

test('wx interrupted after onHide_is quiet', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel, events } = newChannel();
  channel.start();
  t.mock.timers.tick(0);
  const { options } = wx.requests[0];
  // WeChat suspends the thread without our abort reaching the network; the fail comes later
  channel.stop();
  options.fail({ errMsg: 'request:fail interrupted' });
  await flush();
  assert.equal(wx.requests[0].aborted, true);
  assert.equal(events.app_message_error.length, 0);
});

test('wx fail with a network error_backs off', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel, events } = newChannel();
  channel.start();
  t.mock.timers.tick(0);
  wx.requests[0].options.fail({ errMsg: 'request:fail ssl hand shake error' });
  await flush();
  assert.equal(events.app_message_error.length, 1);
  assert.equal(events.app_message_error[0].error.kind, 'network');
  assert.equal(events.app_message_error[0].delay, 2500);
  channel.stop();
});

test('wx fail timeout_is classified as a timeout', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel, events } = newChannel();
  channel.start();
  t.mock.timers.tick(0);
  wx.requests[0].options.fail({ errMsg: 'request:fail timeout' });
  await flush();
  assert.equal(events.app_message_error[0].error.kind, 'timeout');
  channel.stop();
});

test('with wx_the cursor is kept with wx.setStorageSync', async (t) => {
  fakeTime(t);
  const wx = installWx(t);
  const { channel } = newChannel();
  channel.start();
  t.mock.timers.tick(0);
  wx.requests[0].options.success({
    statusCode: 200,
    header: {},
    data: { code: 0, msg: '', data: null, messages: [{ id: 4, key: 'k', data: 1, sent_at: 1 }], cursor: 'c4' }
  });
  await flush();
  channel.stop();
  assert.deepEqual(wx.storage.app_message_channel, { cursor: 'c4', seen: ['4'], topics: {} });
  const relaunched = newChannel().channel;
  relaunched.start();
  t.mock.timers.tick(0);
  assert.equal(wx.requests[1].options.url, 'https://shop.example.com/api/message/index?cursor=c4');
  relaunched.stop();
});
