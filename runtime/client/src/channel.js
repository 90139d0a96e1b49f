/*
 * The public message channel (公共消息通道): polls the AppMessage server while the mini-program is
 * shown and triggers `app_message_response` on the event bus with each answer that carries
 * something.
 *
 *   const channel = new MessageChannel({ url: 'https://example.com/api/message/index', bus: event });
 *   App({ event, channel, onShow() { channel.start(); }, onHide() { channel.stop(); } });
 *
 * Rules (each one is tested in test/):
 * - start() polls at once; the next poll goes out `interval` ms after the answer is handled, so two
 *   requests are never in flight (WeChat allows 10 per mini-program, shared with the app's own).
 * - An answer counts only with HTTP 2xx and an envelope with code 0: wx.request calls `success`
 *   for any status. Failures back off exponentially with jitter; 503/429 with Retry-After wait
 *   what the server asked.
 * - stop() (onHide) cancels the timer and aborts the open request; the abort, and WeChat's
 *   "interrupted" when it suspends the JS thread 5 s after onHide, are normal, not errors.
 * - Targeted messages: the cursor goes out as `cursor`, comes back in the envelope, and is kept in
 *   storage with the ids already delivered, so listeners see each message once across retries and
 *   restarts; `recovered: false` triggers `app_message_reset`.
 * - Long-poll (opt-in): sends `wait`; when the answer's envelope says `"wait": n` with n > 0 the
 *   server held (or would have held) the poll, and the next one goes out at once; an answer without
 *   a positive `wait` means the server does not long-poll, and the client keeps its interval. The
 *   first poll after start() asks no `wait` (answered at once: handler data on screen at launch and
 *   onShow, not after a whole hold); the long-poll follows it at once.
 * - Topics: every poll sends the current set as `topics`. A topic added while a long-poll is held
 *   ends that poll and asks again at once with the new set (one request in flight, as always; a
 *   short poll in flight is let finish and the next one goes out at once); changes in one tick make
 *   one request. A removed topic waits
 *   for the next poll. Topics the server refuses (`refused_topics`) trigger
 *   `app_message_topic_refused` once and are left out of the polls until the next start();
 *   `topics: {name: {recovered: false}}` triggers `app_message_topic_reset`.
 */
import * as backoff from './backoff.js';
import { transportError } from './transport.js';
import { resolvePlatform } from './platforms.js';
import { MessageLedger } from './ledger.js';

var EVENTS = {
  /** an answer with data not null or new targeted messages; payload: the envelope */
  RESPONSE: 'app_message_response',
  /** the server no longer knows our cursor; payload: the envelope. Refresh what you show. */
  RESET: 'app_message_reset',
  /** a failed poll; payload: {error, statusCode, attempt, delay} */
  ERROR: 'app_message_error',
  /** every handled answer or failure, for logs; payload: {ok, statusCode, elapsed, envelope|error, delay} */
  POLL: 'app_message_poll',
  /** a topic's history no longer reaches our cursor; payload: {topic, envelope}. Refresh the room. */
  TOPIC_RESET: 'app_message_topic_reset',
  /** the server refused a topic; payload: {topic, envelope}. Not sent again until the next start(). */
  TOPIC_REFUSED: 'app_message_topic_refused'
};

/** Topic names: letters, digits, `_`, `.`, `-`, `:`; 1 to 128 characters (the server's rule). */
var TOPIC_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

var DEFAULTS = {
  method: 'GET',
  interval: 5000, // the original docs: "消息通道每5秒请求一次"
  requestTimeout: 15000, // short polls; WeChat's hard limit is 60 s
  longPoll: false,
  wait: 25, // seconds; the server caps it (25 s by default)
  longPollMargin: 10000, // ms added to `wait` for the request timeout
  backoffBase: 5000,
  backoffCap: 60000,
  fastAnswerMs: 1000, // long-poll hot-loop guard, see _delayAfterAnswer
  fastAnswerLimit: 10,
  storageKey: 'app_message_channel',
  maxSeenIds: 500,
  maxTopicIds: 200, // delivered ids remembered per topic
  maxTopics: 16 // topics one poll may carry: the server's maxTopicsPerPoll (16 by default)
};

/** Nothing may reach WeChat's 60 s request limit. */
var MAX_TIMEOUT_MS = 55000;
var MAX_WAIT_S = 45; // 45 s + 10 s margin = 55 s

/**
 * @param {Object} options
 * @param {string} options.url the poll endpoint, e.g. 'https://shop.example.com/api/message/index'
 * @param {{trigger: function(string, *)}} options.bus the event bus (event.js)
 * @param {number} [options.interval=5000] ms between an answer and the next short poll
 * @param {boolean} [options.longPoll=false] ask the server to hold polls
 * @param {number} [options.wait=25] seconds to ask for in long-poll mode (1..45)
 * @param {number} [options.requestTimeout] ms; default 15000, long-poll: wait*1000 + 10000 (≤ 55000)
 * @param {string|function(): (string|null)} [options.accessToken] sent as X-Access-Token
 * @param {Object} [options.header] extra request headers
 * @param {string} [options.method='GET']
 * @param {string} [options.platform] 'wx' | 'qq' | 'uni' | 'taro' | 'my' | 'tt' | 'swan' | 'web'; default detected
 * @param {Object} [options.api] the platform's API object (e.g. Taro), default its global
 * @param {function} [options.transport] see transport.js; default the platform's request or fetch
 * @param {Object} [options.storage] see storage.js; default the platform's storage / localStorage / memory
 * @param {string} [options.storageKey='app_message_channel'] where cursor and seen ids are kept
 * @param {number} [options.maxSeenIds=500] how many delivered ids are remembered
 * @param {number} [options.backoffBase=5000] ms, first retry delay ceiling
 * @param {number} [options.backoffCap=60000] ms, largest retry delay
 * @param {function(): number} [options.random=Math.random] jitter source (tests)
 */
function MessageChannel(options) {
  if (!options || typeof options.url !== 'string' || options.url === '') {
    throw new TypeError('MessageChannel: options.url (the poll endpoint) is required');
  }
  if (!options.bus || typeof options.bus.trigger !== 'function') {
    throw new TypeError('MessageChannel: options.bus must have trigger(name, payload), e.g. createEventBus()');
  }
  var settings = {};
  for (var name in DEFAULTS) settings[name] = options[name] !== undefined ? options[name] : DEFAULTS[name];
  settings.wait = Math.max(1, Math.min(MAX_WAIT_S, Math.round(settings.wait)));
  if (options.requestTimeout === undefined && settings.longPoll) {
    settings.requestTimeout = settings.wait * 1000 + settings.longPollMargin;
  }
  settings.requestTimeout = Math.min(settings.requestTimeout, MAX_TIMEOUT_MS);
  this.settings = settings;
  this.url = options.url;
  this._bus = options.bus;
  this._accessToken = options.accessToken;
  this._extraHeader = options.header || {};
  this._random = options.random || Math.random;
  var platform = resolvePlatform(options);
  this.platform = platform.name;
  this._transport = platform.transport;
  this._ledger = new MessageLedger(platform.storage, settings.storageKey, settings.maxSeenIds, settings.maxTopicIds, settings.maxTopics * 2);
  this._topics = []; // the subscribed topics, in order of subscription
  this._refused = Object.create(null); // topic -> true: refused by the server since the last start()
  this._running = false;
  this._generation = 0; // answers of requests from before the last stop() are ignored
  this._timer = null;
  this._call = null; // the request in flight, at most one
  this._failures = 0;
  this._fastAnswers = 0;
  this._notBefore = 0; // Retry-After deadline (epoch ms) that even start() respects
  // Long-poll: the first poll after start() does not ask to wait, so the app shows handler data at
  // once on launch and onShow instead of after a whole hold (a server holds a poll with no news).
  this._answerFirst = true;
  this._waiting = false; // whether the request in flight asked to wait
}

MessageChannel.EVENTS = EVENTS;

/** onShow: poll at once (unless the server's Retry-After is still running), then keep polling. */
MessageChannel.prototype.start = function () {
  if (this._running) return;
  this._running = true;
  this._generation++;
  this._refused = Object.create(null); // a new show (or a login via restart()) may be allowed what was refused
  this._failures = 0;
  this._fastAnswers = 0;
  this._answerFirst = true;
  this._schedule(Math.max(0, this._notBefore - Date.now()));
};

/** onHide: stop polling and abort the request in flight (a held long-poll ends at once). */
MessageChannel.prototype.stop = function () {
  if (!this._running) return;
  this._running = false;
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
  this._abort();
};

/** Ends the request in flight; its answer, or its failure, is ignored (generation changed). */
MessageChannel.prototype._abort = function () {
  this._generation++;
  var call = this._call;
  this._call = null;
  if (call) {
    try {
      call.abort();
    } catch (e) {
      // aborting is best effort
    }
  }
};

/** stop() then start(): e.g. after the user logged in, so the next poll carries the new token. */
MessageChannel.prototype.restart = function () {
  this.stop();
  this.start();
};

MessageChannel.prototype.onShow = MessageChannel.prototype.start;
MessageChannel.prototype.onHide = MessageChannel.prototype.stop;

/** Whether the channel polls (between start and stop). */
MessageChannel.prototype.isRunning = function () {
  return this._running;
};

/** The cursor the next poll sends, or null. */
MessageChannel.prototype.cursor = function () {
  return this._ledger.cursor;
};

/** Forgets cursor and delivered ids (another user on this device); takes effect on the next poll. */
MessageChannel.prototype.resetCursor = function () {
  this._ledger.reset();
};

/**
 * The topics every poll carries from now on (names as `live:42`; at most `maxTopics`). Added ones
 * are asked for promptly, see the rules above. Throws a TypeError naming a bad topic.
 */
MessageChannel.prototype.setTopics = function (names) {
  var next = [];
  var added = false;
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (typeof name !== 'string' || !TOPIC_NAME.test(name)) {
      throw new TypeError('topic "' + name + '": 1 to 128 letters, digits, _ . - :');
    }
    if (next.indexOf(name) >= 0) continue;
    next.push(name);
    if (this._topics.indexOf(name) < 0) {
      delete this._refused[name];
      added = true;
    }
  }
  if (next.length > this.settings.maxTopics) {
    throw new RangeError('at most ' + this.settings.maxTopics + ' topics per poll (maxTopics)');
  }
  this._topics = next;
  if (added) this._pollSoon();
};

/** The topics the next poll sends: the subscribed ones the server has not refused. */
MessageChannel.prototype.topics = function () {
  return this._topics.filter(function (name) {
    return !this[name];
  }, this._refused);
};

/** A poll with the new topic set soon, without overlapping requests or skipping a backoff. */
MessageChannel.prototype._pollSoon = function () {
  if (!this._running || this._failures || Date.now() < this._notBefore) return; // the scheduled poll carries them
  if (this._call && !this._waiting) {
    this._pollAgain = true; // a short poll is about to be answered: the next one goes out at once
    return;
  }
  this._abort(); // a held long-poll: ask again with the new set
  this._schedule(0); // a timer, so that several changes in one tick make one request
};

MessageChannel.prototype._schedule = function (delay) {
  var channel = this;
  if (this._timer !== null) clearTimeout(this._timer);
  this._timer = setTimeout(function () {
    channel._timer = null;
    channel._poll();
  }, delay);
};

MessageChannel.prototype._requestUrl = function () {
  var params = [];
  var topics = this.topics();
  if (this._ledger.cursor !== null) params.push('cursor=' + encodeURIComponent(this._ledger.cursor));
  if (topics.length > 0) params.push('topics=' + topics.map(encodeURIComponent).join(','));
  if (this._waiting) params.push('wait=' + this.settings.wait);
  if (params.length === 0) return this.url;
  return this.url + (this.url.indexOf('?') < 0 ? '?' : '&') + params.join('&');
};

MessageChannel.prototype._requestHeader = function () {
  var header = Object.assign({}, this._extraHeader);
  var token = typeof this._accessToken === 'function' ? this._accessToken() : this._accessToken;
  if (typeof token === 'string' && token !== '') header['X-Access-Token'] = token;
  return header;
};

MessageChannel.prototype._poll = function () {
  if (!this._running || this._call) return; // never two requests in flight
  var channel = this;
  var generation = this._generation;
  var startedAt = Date.now();
  var call;
  try {
    if (!this._transport) {
      throw transportError('network', 'no request API of a mini-program and no fetch: pass options.transport');
    }
    this._waiting = this.settings.longPoll && !this._answerFirst;
    this._pollAgain = false;
    call = this._transport({
      url: this._requestUrl(),
      method: this.settings.method,
      header: this._requestHeader(),
      timeout: this._waiting ? this.settings.requestTimeout : Math.min(this.settings.requestTimeout, DEFAULTS.requestTimeout)
    });
  } catch (error) {
    // e.g. wx.request throwing on a malformed URL: a failure like any other, with backoff
    call = { promise: Promise.reject(error), abort: function () {} };
  }
  this._call = call;
  call.promise.then(
    function (response) {
      if (generation !== channel._generation) return;
      channel._call = null;
      channel._handleResponse(response, Date.now() - startedAt);
    },
    function (error) {
      if (generation !== channel._generation) return; // aborted by stop(): quiet by design
      channel._call = null;
      channel._handleFailure(error, null, null, Date.now() - startedAt);
    }
  );
};

MessageChannel.prototype._handleResponse = function (response, elapsed) {
  var status = response.statusCode;
  var envelope = response.data;
  var isEnvelope = envelope !== null && typeof envelope === 'object' && !Array.isArray(envelope);
  if (status < 200 || status > 299) {
    var msg = isEnvelope && typeof envelope.msg === 'string' && envelope.msg ? ': ' + envelope.msg : '';
    var retryAfter = status === 503 || status === 429
      ? backoff.retryAfterMs(response.header && response.header['retry-after'])
      : null;
    this._handleFailure(httpError('HTTP ' + status + msg, status), status, retryAfter, elapsed);
    return;
  }
  if (!isEnvelope) {
    this._handleFailure(httpError('the answer is not a JSON envelope', status), status, null, elapsed);
    return;
  }
  if (envelope.code !== undefined && envelope.code !== 0) {
    this._handleFailure(
      httpError('server answered code ' + envelope.code + (envelope.msg ? ': ' + envelope.msg : ''), status),
      status, null, elapsed);
    return;
  }
  this._failures = 0;
  this._notBefore = 0;
  var fresh = this._ledger.accept(envelope, this._topics);
  if (envelope.recovered === false) this._emit(EVENTS.RESET, envelope);
  this._topicNews(envelope);
  var hasData = envelope.data !== null && envelope.data !== undefined;
  if (hasData || fresh.length > 0) {
    // Listeners get the whole envelope, with `messages` narrowed to the ones not seen before.
    this._emit(EVENTS.RESPONSE, Object.assign({}, envelope, { messages: fresh }));
  }
  var delay = this._delayAfterAnswer(envelope, elapsed);
  if (this._pollAgain) delay = 0; // topics were added while this poll was out
  this._emit(EVENTS.POLL, { ok: true, statusCode: status, elapsed: elapsed, envelope: envelope, delay: delay });
  this._next(delay);
};

/** The next poll after `delay` ms, unless a listener called stop() (or restart()) meanwhile. */
MessageChannel.prototype._next = function (delay) {
  if (this._running && this._call === null && this._timer === null) this._schedule(delay);
};

/**
 * Triggers TOPIC_RESET for each subscribed topic whose history no longer reaches the cursor, and
 * TOPIC_REFUSED once per refusal. (A top-level `recovered: false` is about the personal stream.)
 */
MessageChannel.prototype._topicNews = function (envelope) {
  var states = envelope.topics || {};
  var refused = envelope.refused_topics || []; // an array of names
  for (var i = 0; i < this._topics.length; i++) {
    var topic = this._topics[i];
    var state = states[topic];
    if (state && state.recovered === false) {
      this._emit(EVENTS.TOPIC_RESET, { topic: topic, envelope: envelope });
    }
    if (refused.indexOf(topic) >= 0 && !this._refused[topic]) {
      this._refused[topic] = true;
      this._emit(EVENTS.TOPIC_REFUSED, { topic: topic, envelope: envelope });
    }
  }
};

/**
 * Long-poll fallback rule (the server follows it, see README "Long-poll"):
 * - the envelope's `wait` is the number of seconds the server allowed this poll to be held;
 *   absent, 0 or not a number means the server does not long-poll → keep the interval;
 * - otherwise poll again at once, since the server holds the next poll until there is news;
 * - guard against a server that claims to hold but answers at once: after `fastAnswerLimit`
 *   answers in a row each quicker than `fastAnswerMs`, wait one interval. Real news bursts are
 *   batched by the server (several messages per answer), so this rarely delays delivery.
 */
MessageChannel.prototype._delayAfterAnswer = function (envelope, elapsed) {
  if (!this.settings.longPoll) return this.settings.interval;
  if (!this._waiting) {
    // the answer-first poll after start(): handler data is shown, now long-poll
    this._answerFirst = false;
    return 0;
  }
  var allowed = typeof envelope.wait === 'number' ? envelope.wait : 0;
  if (!(allowed > 0)) {
    this._fastAnswers = 0;
    return this.settings.interval;
  }
  this._fastAnswers = elapsed < this.settings.fastAnswerMs ? this._fastAnswers + 1 : 0;
  if (this._fastAnswers >= this.settings.fastAnswerLimit) {
    this._fastAnswers = 0;
    return this.settings.interval;
  }
  return 0;
};

MessageChannel.prototype._handleFailure = function (error, statusCode, retryAfter, elapsed) {
  if (!this._running) return;
  var kind = error && error.kind;
  if (kind === 'abort' || kind === 'interrupted') {
    // WeChat interrupts requests when it suspends the JS thread after onHide; an abort we did
    // not ask for comes from the platform too. Neither says anything about the server.
    this._emit(EVENTS.POLL, { ok: false, statusCode: null, elapsed: elapsed, error: error, delay: this.settings.interval, quiet: true });
    this._schedule(this.settings.interval);
    return;
  }
  this._failures++;
  this._fastAnswers = 0;
  var delay;
  if (retryAfter !== null && retryAfter > 0) {
    delay = backoff.retryAfterDelay(retryAfter, this._random);
    this._notBefore = Date.now() + retryAfter;
  } else {
    delay = backoff.backoffDelay(
      this._failures,
      { base: this.settings.backoffBase, cap: this.settings.backoffCap },
      this._random
    );
  }
  this._emit(EVENTS.ERROR, { error: error, statusCode: statusCode, attempt: this._failures, delay: delay });
  this._emit(EVENTS.POLL, { ok: false, statusCode: statusCode, elapsed: elapsed, error: error, delay: delay });
  this._next(delay);
};

MessageChannel.prototype._emit = function (name, payload) {
  try {
    this._bus.trigger(name, payload);
  } catch (e) {
    // a bus that throws must not stop the channel; event.js never does
  }
};

function httpError(message, statusCode) {
  var error = new Error(message);
  error.kind = 'http';
  error.statusCode = statusCode;
  return error;
}

export { MessageChannel, EVENTS, DEFAULTS };
