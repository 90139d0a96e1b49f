/*
 * One HTTP request for the channel, through wx.request in a mini-program and fetch elsewhere
 * (Node 18+, browsers). Both look the same to the channel:
 *
 *   const call = transport({ url, method: 'GET', header: { 'X-Access-Token': t }, timeout: 15000 });
 *   call.abort();                      // onHide: drop a held long-poll at once
 *   call.promise.then(function (res) { res.statusCode; res.header['retry-after']; res.data; },
 *                     function (err) { err.kind; }); // 'abort' | 'interrupted' | 'timeout' | 'network'
 *
 * `header` keys of the answer are lower-cased; `data` is the parsed JSON, or the raw text when it
 * is not JSON (the channel then reports a bad answer).
 */
(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = factory();
  } else {
    var ns = (root.AppMessage = root.AppMessage || {});
    ns.transport = factory();
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

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
   * wx.request calls `success` for EVERY HTTP status (404, 503 included), so status checks are the
   * channel's job; `fail` is only for no answer at all: errMsg "request:fail interrupted" once the
   * JS thread is suspended after onHide, "request:fail abort" after task.abort(), "…timeout".
   */
  function createWxTransport(wxApi) {
    return function wxTransport(options) {
      var task = null;
      var aborted = false;
      var promise = new Promise(function (resolve, reject) {
        task = wxApi.request({
          url: options.url,
          method: options.method || 'GET',
          header: options.header || {},
          timeout: options.timeout,
          dataType: 'json',
          success: function (res) {
            resolve({
              statusCode: res.statusCode,
              header: lowerCaseKeys(res.header),
              data: parseBody(res.data)
            });
          },
          fail: function (res) {
            var message = (res && res.errMsg) || 'request:fail';
            var kind = aborted || /abort/i.test(message) ? 'abort'
              : /interrupted/i.test(message) ? 'interrupted'
              : /time ?out/i.test(message) ? 'timeout'
              : 'network';
            reject(transportError(kind, message, res));
          }
        });
      });
      return {
        promise: promise,
        abort: function () {
          aborted = true;
          if (task && typeof task.abort === 'function') task.abort();
        }
      };
    };
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

  /** wx.request in a mini-program, else fetch; null when neither exists (the caller must inject). */
  function defaultTransport() {
    if (typeof wx !== 'undefined' && wx && typeof wx.request === 'function') {
      return createWxTransport(wx);
    }
    if (typeof fetch === 'function' && typeof AbortController === 'function') {
      return createFetchTransport(fetch, AbortController);
    }
    return null;
  }

  return {
    createWxTransport: createWxTransport,
    createFetchTransport: createFetchTransport,
    defaultTransport: defaultTransport,
    transportError: transportError
  };
});
