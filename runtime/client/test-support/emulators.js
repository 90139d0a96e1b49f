// Emulators of each platform's request and storage API, written from that platform's own docs (the
// URLs are in src/platforms.js, and the rules each emulator keeps are listed at its factory). The
// adapters meet them instead of the real hosts, which cannot run in Node. An emulator sends its
// requests to a backend: a scripted one (answers chosen by the test, on fake timers) or real HTTP
// (fetch over loopback, e.g. to the example jar), and turns what comes back into the platform's
// callbacks the way its docs say.

/**
 * A backend the test scripts: `handler(request, n)` answers the n-th request with
 * {status?, headers?, body?} (body: an object is sent as JSON, a string as it is), {hang: true}
 * (held until release()), or {netError: true} (no answer at all).
 */
export function scriptedBackend(handler) {
  const requests = [];
  const held = [];
  function backend(request) {
    const url = new URL(request.url);
    const record = { ...request, path: url.pathname, query: Object.fromEntries(url.searchParams), closed: false };
    requests.push(record);
    const answer = handler(record, requests.length) || {};
    return new Promise((resolve, reject) => {
      const deliver = (a) => {
        if (a.netError) reject(new Error('connection refused'));
        else resolve({ status: a.status || 200, headers: a.headers || {}, body: typeof a.body === 'string' ? a.body : JSON.stringify(a.body === undefined ? null : a.body) });
      };
      if (answer.hang) held.push({ record, deliver });
      else deliver(answer);
    });
  }
  backend.requests = requests;
  backend.heldCount = () => held.length;
  /** Answers the oldest held request. */
  backend.release = (answer) => held.shift().deliver(answer);
  return backend;
}

/** Real HTTP through Node's fetch; aborting closes the connection, as the platform's would. */
export function httpBackend() {
  const requests = [];
  function backend(request, signal) {
    requests.push(request);
    return fetch(request.url, { method: request.method, headers: request.headers, signal, cache: 'no-store' }).then(async (response) => ({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text()
    }));
  }
  backend.requests = requests;
  return backend;
}

function parseJson(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, value: text };
  }
}

/**
 * The request machinery the mini-program hosts share: a queue past `maxConcurrent`, a timeout of
 * the host's own, abort through the returned task, and the host's own callbacks (`answer`,
 * `failure`) deciding what success and fail receive.
 */
function requestHost({ backend, headerField, maxConcurrent, timeoutOf, answer, failure, abortFails, interruptible }) {
  const stats = { peakInFlight: 0, inFlight: 0, calls: 0, badCalls: [] };
  const queue = [];
  const open = new Set();
  let suspended = false;
  let hideTimer = null;

  function request(options) {
    stats.calls++;
    if (!options || typeof options.url !== 'string') throw new TypeError('request: url must be a string');
    const entry = { options, done: false, controller: new AbortController(), timer: null };
    const finish = (deliver) => {
      if (entry.done) return;
      entry.done = true;
      if (entry.timer) clearTimeout(entry.timer);
      if (open.delete(entry)) stats.inFlight--;
      const next = queue.shift();
      if (next) start(next);
      deliver();
    };
    entry.finish = finish;
    const start = (e) => {
      open.add(e);
      stats.inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
      const timeout = timeoutOf(e.options);
      if (timeout) e.timer = setTimeout(() => e.finish(() => call(e.options.fail, failure({ kind: 'timeout' }))), timeout);
      const headers = e.options[headerField] || {};
      backend({ url: e.options.url, method: e.options.method || 'GET', headers }, e.controller.signal).then(
        (res) => e.finish(() => {
          const outcome = answer(res, e.options);
          call(outcome.ok ? e.options.success : e.options.fail, outcome.payload);
        }),
        () => e.finish(() => call(e.options.fail, failure({ kind: 'network' })))
      );
    };
    if (suspended) {
      // "在回到前台之前,网络请求接口调用都会无法调用": calls made while suspended fail
      Promise.resolve().then(() => finish(() => call(options.fail, failure({ kind: 'interrupted' }))));
    } else if (stats.inFlight >= maxConcurrent) {
      queue.push(entry);
    } else {
      start(entry);
    }
    return {
      abort() {
        if (entry.done) return;
        const i = queue.indexOf(entry);
        if (i >= 0) queue.splice(i, 1);
        entry.controller.abort();
        if (abortFails) entry.finish(() => call(options.fail, failure({ kind: 'abort' })));
        else entry.finish(() => {});
      }
    };
  }

  function call(cb, payload) {
    if (typeof cb === 'function') cb(payload);
  }

  return {
    request,
    stats,
    /** The app went to the background: 5 s later open requests fail "interrupted" (WeChat, QQ). */
    hide() {
      if (!interruptible) return;
      hideTimer = setTimeout(() => {
        suspended = true;
        for (const e of [...open, ...queue.splice(0)]) e.finish(() => call(e.options.fail, failure({ kind: 'interrupted' })));
      }, 5000);
    },
    show() {
      if (hideTimer) clearTimeout(hideTimer);
      hideTimer = null;
      suspended = false;
    }
  };
}

/** getStorageSync(key) → '' when missing; objects kept as they are (a JSON copy, as on a device). */
function syncStorageApi() {
  const items = new Map();
  return {
    items,
    getStorageSync(key) {
      if (typeof key !== 'string') throw new TypeError('getStorageSync: key must be a string');
      return items.has(key) ? JSON.parse(items.get(key)) : '';
    },
    setStorageSync(key, data) {
      if (typeof key !== 'string') throw new TypeError('setStorageSync: key must be a string');
      items.set(key, JSON.stringify(data));
    },
    removeStorageSync(key) {
      items.delete(key);
    }
  };
}

/**
 * wx.request, and qq/uni/tt/Taro which keep its contract: `header` in and out, `statusCode`,
 * `success` for EVERY HTTP status, `data` parsed when it is JSON (dataType 'json') else the text,
 * `fail` only without an answer with errMsg "request:fail abort" | "request:fail timeout" |
 * "request:fail interrupted" | "request:fail …". `errNo` is tt's numeric code beside errMsg.
 */
function wxFamily(backend, { name, maxTimeout = 60000, defaultTimeout = 60000, interruptible = false, errNo = false }) {
  const failure = ({ kind }) => {
    const payload = { errMsg: 'request:fail ' + (kind === 'network' ? 'net::ERR_CONNECTION_REFUSED' : kind) };
    if (errNo) payload.errNo = kind === 'timeout' ? 21103 : 21100;
    return payload;
  };
  const host = requestHost({
    backend,
    headerField: 'header',
    maxConcurrent: 10,
    timeoutOf: (o) => Math.min(o.timeout > 0 ? o.timeout : defaultTimeout, maxTimeout),
    answer: (res, o) => ({
      ok: true,
      payload: { statusCode: res.status, header: res.headers, data: o.dataType === 'json' ? parseJson(res.body).value : res.body, errMsg: 'request:ok' }
    }),
    failure,
    abortFails: true,
    interruptible
  });
  return { name, host, api: { request: host.request, ...syncStorageApi() } };
}

/** WeChat: ≤ 10 in flight (more queue), timeout ≤ 60 s, interrupted 5 s after hide. */
export function emulateWx(backend) {
  return wxFamily(backend, { name: 'wx', interruptible: true });
}

/** QQ: the wx contract, interrupted in the background likewise. */
export function emulateQq(backend) {
  return wxFamily(backend, { name: 'qq', interruptible: true });
}

/** uni-app: uni.request keeps the wx contract on every target; timeout default 60 s. */
export function emulateUni(backend) {
  return wxFamily(backend, { name: 'uni' });
}

/** Douyin: tt.request, success for any status, fail with errMsg and errNo, timeout ≤ 60 s. */
export function emulateTt(backend) {
  return wxFamily(backend, { name: 'tt', errNo: true });
}

/**
 * Taro.request: the wx options and callbacks, and it returns a promise (resolved with the success
 * payload, rejected with the fail payload) that also has abort().
 */
export function emulateTaro(backend) {
  const inner = wxFamily(backend, { name: 'taro' });
  const request = (options) => {
    let task;
    const promise = new Promise((resolve, reject) => {
      task = inner.host.request({
        ...options,
        success: (res) => {
          if (options.success) options.success(res);
          resolve(res);
        },
        fail: (res) => {
          if (options.fail) options.fail(res);
          reject(res);
        }
      });
    });
    promise.abort = () => task.abort();
    return promise;
  };
  return { name: 'taro', host: inner.host, api: { ...inner.api, request } };
}

/**
 * Baidu swan.request: takes no `timeout` (the host waits as long as the server does), success for
 * any status, fail with errCode (1001 执行失败) and errMsg; abort() ends the task with fail.
 */
export function emulateSwan(backend) {
  const host = requestHost({
    backend,
    headerField: 'header',
    maxConcurrent: 10,
    timeoutOf: () => 0,
    answer: (res, o) => ({ ok: true, payload: { statusCode: res.status, header: res.headers, data: o.dataType === 'json' ? parseJson(res.body).value : res.body } }),
    failure: ({ kind }) => ({ errCode: 1001, errMsg: 'request:fail ' + kind }),
    abortFails: true
  });
  return { name: 'swan', host, api: { request: host.request, ...syncStorageApi() } };
}

/**
 * Alipay my.request: reads `headers` (a `header` option is ignored), answers {status, headers,
 * data}; timeout default 30 s; `success` only for 2xx. A non-2xx status goes to fail with error 19
 * and the answer's status, headers and data; a 2xx body that is not JSON under dataType 'json'
 * fails with error 14; no answer: 12 (network) or 13 (timeout). What fail receives after
 * RequestTask.abort() is not documented, so this emulator calls no callback then: the adapter
 * must end the call itself. Storage takes one object: getStorageSync({key}) → {data}.
 */
export function emulateMy(backend) {
  const host = requestHost({
    backend,
    headerField: 'headers',
    maxConcurrent: 10,
    timeoutOf: (o) => (o.timeout > 0 ? o.timeout : 30000),
    answer: (res, o) => {
      const parsed = o.dataType === 'json' ? parseJson(res.body) : { ok: true, value: res.body };
      if (res.status < 200 || res.status > 299) {
        return { ok: false, payload: { error: 19, errorMessage: 'http status error', status: res.status, headers: res.headers, data: parsed.value } };
      }
      if (!parsed.ok) return { ok: false, payload: { error: 14, errorMessage: 'JSON parse data error', status: res.status, headers: res.headers } };
      return { ok: true, payload: { status: res.status, headers: res.headers, data: parsed.value } };
    },
    failure: ({ kind }) => (kind === 'timeout' ? { error: 13, errorMessage: '超时' } : { error: 12, errorMessage: '网络出错' }),
    abortFails: false
  });
  const items = new Map();
  const requireObject = (arg, what) => {
    if (!arg || typeof arg !== 'object' || typeof arg.key !== 'string') throw new TypeError(what + ': takes {key}');
  };
  const api = {
    request: host.request,
    getStorageSync(arg) {
      requireObject(arg, 'getStorageSync');
      return { data: items.has(arg.key) ? JSON.parse(items.get(arg.key)) : null };
    },
    setStorageSync(arg) {
      requireObject(arg, 'setStorageSync');
      items.set(arg.key, JSON.stringify(arg.data));
    },
    removeStorageSync(arg) {
      requireObject(arg, 'removeStorageSync');
      items.delete(arg.key);
    }
  };
  return { name: 'my', host, api };
}

/**
 * Browsers and Node: WHATWG fetch resolves for every HTTP status, rejects with a TypeError when
 * there is no answer and with an AbortError once its signal aborts; it has no timeout of its own.
 * localStorage keeps strings only.
 */
export function emulateWeb(backend) {
  const stats = { peakInFlight: 0, inFlight: 0, calls: 0 };
  function fetchEmulator(url, init = {}) {
    stats.calls++;
    const signal = init.signal;
    return new Promise((resolve, reject) => {
      if (signal && signal.aborted) return reject(new DOMException('This operation was aborted', 'AbortError'));
      stats.inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
      let done = false;
      const end = (fn) => {
        if (done) return;
        done = true;
        stats.inFlight--;
        fn();
      };
      if (signal) signal.addEventListener('abort', () => end(() => reject(new DOMException('This operation was aborted', 'AbortError'))));
      backend({ url, method: init.method || 'GET', headers: { ...(init.headers || {}) } }, signal).then(
        (res) => end(() => resolve(new Response(res.body, { status: res.status, headers: res.headers }))),
        () => end(() => reject(new TypeError('fetch failed')))
      );
    });
  }
  const items = new Map();
  const localStorage = {
    getItem: (k) => (items.has(k) ? items.get(k) : null),
    setItem: (k, v) => items.set(k, String(v)),
    removeItem: (k) => items.delete(k)
  };
  return { name: 'web', host: { stats, hide() {}, show() {} }, api: { fetch: fetchEmulator, AbortController, localStorage } };
}

/**
 * Every platform, and how an app reaches it: the global it detects (the client finds the platform
 * by itself), or an API object it passes (Taro is an import; web here is an injected fetch).
 */
export const PLATFORM_EMULATORS = [
  { name: 'wx', emulate: emulateWx, global: 'wx' },
  { name: 'qq', emulate: emulateQq, global: 'qq' },
  { name: 'uni', emulate: emulateUni, global: 'uni' },
  { name: 'taro', emulate: emulateTaro, pass: true },
  { name: 'my', emulate: emulateMy, global: 'my' },
  { name: 'tt', emulate: emulateTt, global: 'tt' },
  { name: 'swan', emulate: emulateSwan, global: 'swan' },
  { name: 'web', emulate: emulateWeb, pass: true }
];
