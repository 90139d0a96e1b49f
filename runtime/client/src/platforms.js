/*
 * Platform adapters: how each host's request and storage APIs behave, read from its own docs. The
 * channel asks `resolvePlatform(options)` once; an app can name the platform (`platform: 'my'`),
 * pass its API object (`api: Taro`), or pass `transport` / `storage` itself.
 *
 * Every adapter answers the channel the same way (see transport.js): {statusCode, header, data}
 * for any HTTP answer, or an error of kind 'abort' | 'interrupted' | 'timeout' | 'network'.
 * Non-2xx answers are the channel's business, wherever the platform reports them.
 */
import { createCallbackTransport, createFetchTransport } from './transport.js';
import { wxStorage, alipayStorage, webStorage, browserStorage } from './storage.js';

function errMsgKind(res, aborted) {
  var message = String(res.errMsg || res.errorMessage || '');
  if (aborted || /abort/i.test(message)) return 'abort';
  if (/interrupted/i.test(message)) return 'interrupted';
  if (/time ?out|超时/i.test(message)) return 'timeout';
  return 'network';
}

function statusCodeAnswer(res) {
  return { statusCode: res.statusCode, header: res.header, data: res.data };
}

/*
 * WeChat wx.request (https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html,
 * limits: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html):
 * `success` fires for every HTTP status (404 and 503 too; check statusCode); `fail` only without an
 * answer, told apart by errMsg: "request:fail abort" after task.abort(), "request:fail timeout",
 * and "request:fail interrupted" for requests still open 5 s after the app went to the background.
 * timeout defaults to and is capped at 60 s; at most 10 requests run at once (more queue).
 * QQ's qq.request follows the same contract (https://q.qq.com/wiki/develop/miniprogram/API/network/request/request.html).
 */
var WX_RULES = { answer: statusCodeAnswer, failure: errMsgKind };

/*
 * uni-app uni.request (https://uniapp.dcloud.net.cn/api/request/request.html): the wx.request
 * contract on every target (success with statusCode for any status; fail with errMsg; timeout
 * default 60 s; the task has abort()). Storage: uni.getStorageSync answers '' for a missing key.
 * uni-app injects `uni` into the app's code; on H5 it is not a global, so apps pass `api: uni`.
 */
var UNI_RULES = WX_RULES;

/*
 * Taro.request (https://docs.taro.zone/docs/apis/network/request/): the wx.request options and
 * callbacks; it also returns a promise (RequestTask) that rejects on fail, which the transport
 * handles so no rejection goes unhandled. Taro is an import, not a global: pass `api: Taro`.
 */
var TARO_RULES = WX_RULES;

/*
 * Douyin / Toutiao tt.request
 * (https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/network/http/tt-request):
 * success with statusCode/header; fail with errMsg and errNo; timeout at most 60 s.
 */
var TT_RULES = WX_RULES;

/*
 * Baidu swan.request (https://smartprogram.baidu.com/docs/develop/api/net/request/): success with
 * statusCode/header for any status; fail with errCode (Android 201/1001, iOS 202) and errMsg. It
 * takes no `timeout`, so the transport's own timer ends a request that hangs.
 */
var SWAN_RULES = { answer: statusCodeAnswer, failure: errMsgKind, timeoutOption: false };

/*
 * Alipay my.request (https://opendocs.alipay.com/mini/api/owycmh): takes `headers`, answers
 * `{status, headers, data}`; timeout defaults to 30 s. `fail` carries `error` and `errorMessage`:
 * 12 network error, 13 timeout, 14 decoding failed (the body is not what dataType asked for),
 * 19 HTTP error (a non-2xx status; the answer's status, headers and data come with it), 20 the
 * request was stopped or the server is unreachable. An HTTP answer that came through fail is
 * handed to the channel as an answer, so 503 + Retry-After is honoured here as everywhere.
 */
var MY_RULES = {
  headerField: 'headers',
  answer: function (res) {
    return { statusCode: res.status, header: res.headers, data: res.data };
  },
  failure: function (res, aborted) {
    if (aborted) return 'abort';
    if (typeof res.status === 'number' && res.status > 0) {
      return { statusCode: res.status, header: res.headers, data: res.data };
    }
    if (res.error === 13) return 'timeout';
    return 'network';
  }
};

var PLATFORMS = {
  uni: { rules: UNI_RULES, storage: wxStorage },
  taro: { rules: TARO_RULES, storage: wxStorage },
  qq: { rules: WX_RULES, storage: wxStorage },
  wx: { rules: WX_RULES, storage: wxStorage },
  my: { rules: MY_RULES, storage: alipayStorage },
  tt: { rules: TT_RULES, storage: wxStorage },
  swan: { rules: SWAN_RULES, storage: wxStorage }
};

/** The first of these globals that has request() names the platform (uni before wx: uni-app on mp-weixin has both). */
var DETECT_ORDER = ['uni', 'taro', 'qq', 'wx', 'my', 'tt', 'swan'];

/*
 * Mini-program globals are injected variables, not always properties of a global object, so each
 * is looked up by its own typeof.
 */
function platformGlobal(name) {
  /* global uni, Taro, qq, wx, my, tt, swan */
  switch (name) {
    case 'uni': return typeof uni !== 'undefined' ? uni : undefined;
    case 'taro': return typeof Taro !== 'undefined' ? Taro : undefined;
    case 'qq': return typeof qq !== 'undefined' ? qq : undefined;
    case 'wx': return typeof wx !== 'undefined' ? wx : undefined;
    case 'my': return typeof my !== 'undefined' ? my : undefined;
    case 'tt': return typeof tt !== 'undefined' ? tt : undefined;
    case 'swan': return typeof swan !== 'undefined' ? swan : undefined;
  }
  return undefined;
}

function hasRequest(api) {
  return !!api && typeof api.request === 'function';
}

/** The name of the platform this code runs on: a mini-program host, else 'web' (fetch: browsers, Node). */
function detectPlatform() {
  for (var i = 0; i < DETECT_ORDER.length; i++) {
    if (hasRequest(platformGlobal(DETECT_ORDER[i]))) return DETECT_ORDER[i];
  }
  return 'web';
}

/**
 * What the channel runs on: {name, transport, storage}. transport is null when nothing can send
 * (no platform API and no fetch); the channel then reports each poll as failed.
 * @param {{platform?: string, api?: Object, transport?: Function, storage?: Object}} options `api`
 *   is the platform's API object (default its global); for 'web', {fetch, AbortController, localStorage}.
 *   An `api` without `platform` is taken to follow the wx.request contract (Taro, uni and tt do).
 */
function resolvePlatform(options) {
  var name = options.platform || (options.api ? 'wx' : detectPlatform());
  var api = options.api || (name === 'web' ? null : platformGlobal(name));
  var platform = PLATFORMS[name];
  if (name !== 'web' && !platform) {
    throw new TypeError('AppMessage: unknown platform "' + name + '"; use one of web, ' + DETECT_ORDER.join(', '));
  }
  var transport = options.transport || null;
  var storage = options.storage || null;
  if (platform && hasRequest(api)) {
    if (!transport) transport = createCallbackTransport(function (params) { return api.request(params); }, platform.rules);
    if (!storage && typeof api.getStorageSync === 'function') storage = platform.storage(api);
  }
  if (name === 'web' && api) {
    // e.g. { fetch: undiciFetch, AbortController, localStorage } in Node, or a test's emulator
    if (!transport && api.fetch) transport = createFetchTransport(api.fetch, api.AbortController || AbortController);
    if (!storage && api.localStorage) storage = webStorage(api.localStorage);
  }
  if (!transport && typeof fetch === 'function' && typeof AbortController === 'function') {
    transport = createFetchTransport(fetch, AbortController);
  }
  return { name: name, transport: transport, storage: storage || browserStorage() };
}

export { detectPlatform, resolvePlatform, PLATFORMS };
