/*
 * One HTTP request for the channel, through the platform's request API in a mini-program and fetch
 * elsewhere (Node 18+, browsers). All look the same to the channel:
 *
 *   const call = transport({ url, method: 'GET', header: { 'X-Access-Token': t }, timeout: 15000 });
 *   call.abort();                      // onHide: drop a held long-poll at once
 *   call.promise.then(function (res) { res.statusCode; res.header['retry-after']; res.data; },
 *                     function (err) { err.kind; }); // 'abort' | 'interrupted' | 'timeout' | 'network'
 *
 * `header` keys of the answer are lower-cased; `data` is the parsed JSON, or the raw text when it
 * is not JSON (the channel then reports a bad answer).
 */
function transportError(kind, message, cause) {
  var error = new Error(message);
  error.kind = kind;
  if (cause !== undefined) error.cause = cause;
  return error;
}

function lowerCaseKeys(header) {
  var result = {};
  if (!header) return result;
  Object.keys(header).forEach(function (name) {
    result[name.toLowerCase()] = header[name];
  });
  return result;
}

function parseBody(text) {
  if (typeof text !== 'string') return text; // wx already parsed it
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return text;
  }
}

/**
 * The mini-program request APIs (wx, qq, uni, Taro, my, tt, swan) share one shape,
 * `api.request({url, method, header, timeout, success, fail})` returning a task with `abort()`,
 * and differ in names and in what `fail` means. `rules` (see platforms.js) says how:
 *   headerField   name of the request-header option ('header'; Alipay: 'headers')
 *   timeoutOption whether the API takes `timeout` (swan.request does not)
 *   answer(res)   the success payload as {statusCode, header, data}
 *   failure(res, aborted)  a fail payload as a response (Alipay reports HTTP errors through fail,
 *                 with the answer attached) or as the error kind
 * Our own timer backs the platform's timeout up, and abort() settles at once, so the channel never
 * waits on a platform that calls no callback after an abort.
 */
function createCallbackTransport(request, rules) {
  return function callbackTransport(options) {
    var task = null;
    var settled = false;
    var aborted = false;
    var timer = null;
    var rejectCall = null;
    var promise = new Promise(function (resolve, reject) {
      rejectCall = reject;
      function settle() {
        settled = true;
        if (timer !== null) clearTimeout(timer);
      }
      var params = {
        url: options.url,
        method: options.method || 'GET',
        dataType: 'json',
        success: function (res) {
          if (settled) return;
          settle();
          resolve(normalize(rules.answer(res || {})));
        },
        fail: function (res) {
          if (settled) return;
          settle();
          var outcome = rules.failure(res || {}, aborted);
          if (typeof outcome === 'object') resolve(normalize(outcome));
          else reject(transportError(outcome, (res && (res.errMsg || res.errorMessage)) || 'request:fail', res));
        }
      };
      params[rules.headerField || 'header'] = options.header || {};
      if (options.timeout > 0) {
        if (rules.timeoutOption !== false) params.timeout = options.timeout;
        timer = setTimeout(function () {
          if (settled) return;
          settle();
          abortTask();
          reject(transportError('timeout', 'no answer within ' + options.timeout + ' ms'));
        }, options.timeout + (rules.timeoutOption !== false ? 1000 : 0));
      }
      try {
        task = request(params);
      } catch (error) {
        // e.g. a malformed URL the host refuses outright: a failed poll like any other
        settle();
        reject(transportError('network', (error && error.message) || 'request refused', error));
        return;
      }
      // Taro and uni answer with a promise-like task too: its rejection is handled by `fail`.
      if (task && typeof task.then === 'function') task.then(null, function () {});
    });
    function abortTask() {
      if (task && typeof task.abort === 'function') {
        try {
          task.abort();
        } catch (e) {
          // the request may have ended in the meantime
        }
      }
    }
    return {
      promise: promise,
      abort: function () {
        aborted = true;
        abortTask();
        if (!settled) {
          settled = true;
          if (timer !== null) clearTimeout(timer);
          rejectCall(transportError('abort', 'request aborted'));
        }
      }
    };
  };
}

function normalize(res) {
  return { statusCode: res.statusCode, header: lowerCaseKeys(res.header), data: parseBody(res.data) };
}

/**
 * fetch has no timeout of its own, so an AbortController ends the request after
 * `options.timeout` ms; `abort()` uses the same controller (onHide).
 */
function createFetchTransport(fetchFn, AbortControllerType) {
  return function fetchTransport(options) {
    var controller = new AbortControllerType();
    var reason = null; // why we aborted: 'timeout' or 'abort'
    var timer = null;
    if (options.timeout > 0) {
      timer = setTimeout(function () {
        if (reason === null) reason = 'timeout';
        controller.abort();
      }, options.timeout);
    }
    var promise = Promise.resolve()
      .then(function () {
        return fetchFn(options.url, {
          method: options.method || 'GET',
          headers: options.header || {},
          signal: controller.signal,
          cache: 'no-store' // a poll answer is never reusable
        });
      })
      .then(function (response) {
        return response.text().then(function (text) {
          var header = {};
          response.headers.forEach(function (value, name) {
            header[name.toLowerCase()] = value;
          });
          return { statusCode: response.status, header: header, data: parseBody(text) };
        });
      })
      .then(
        function (result) {
          if (timer !== null) clearTimeout(timer);
          return result;
        },
        function (error) {
          if (timer !== null) clearTimeout(timer);
          if (reason === 'timeout') {
            throw transportError('timeout', 'no answer within ' + options.timeout + ' ms', error);
          }
          if (reason === 'abort' || (error && error.name === 'AbortError')) {
            throw transportError('abort', 'request aborted', error);
          }
          throw transportError('network', (error && error.message) || 'network error', error);
        }
      );
    return {
      promise: promise,
      abort: function () {
        if (reason === null) reason = 'abort';
        controller.abort();
      }
    };
  };
}

export { createCallbackTransport, createFetchTransport, transportError };
