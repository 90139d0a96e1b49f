/*
 * The client an app holds: one event bus (the `getApp().event` of the original PHP shop's mini-program) and one channel, plus
 * listeners per key and per targeted message.
 *
 *   const client = createClient({ url: 'https://shop.example.com/api/message/index' });
 *   client.on('order_status', (status) => show(status));   // handler data, on every poll that has it
 *   client.onMessage((message) => toast(message.data));    // targeted messages, each once
 *   const leave = client.subscribe('live:42', (message) => addLine(message.data)); // a topic's messages, each once
 *   App({ event: client.event, onShow: () => client.start(), onHide: () => client.stop() });
 *
 * Listeners run from the bus, so one that throws is reported and the others still run.
 */
import { createEventBus } from './event.js';
import { MessageChannel, EVENTS } from './channel.js';

var defaultClient = null;

/**
 * @param {Object} options MessageChannel options (url, platform, api, interval, longPoll, …), plus
 *   `bus` (an EventBus to share; default a new one) and `onListenerError`.
 */
function AppMessageClient(options) {
  if (!options) throw new TypeError('createClient: options.url (the poll endpoint) is required');
  var bus = options.bus || createEventBus({ onListenerError: options.onListenerError });
  var channelOptions = Object.assign({}, options);
  var latest = {};
  // The client notes each key's latest value on the way to the bus, so the app's bus holds only
  // the app's listeners (listenerCount stays theirs).
  channelOptions.bus = {
    trigger: function (name, payload) {
      var data = name === EVENTS.RESPONSE && payload.data;
      if (data && typeof data === 'object') Object.assign(latest, data);
      return bus.trigger(name, payload);
    }
  };
  this.event = bus;
  this.channel = new MessageChannel(channelOptions);
  this.platform = this.channel.platform;
  this._latest = latest;
  this._subscribers = Object.create(null); // topic -> how many listeners
  if (defaultClient === null) defaultClient = this;
}

AppMessageClient.prototype.start = function () {
  this.channel.start();
};
AppMessageClient.prototype.stop = function () {
  this.channel.stop();
};
AppMessageClient.prototype.restart = function () {
  this.channel.restart();
};
AppMessageClient.prototype.isRunning = function () {
  return this.channel.isRunning();
};
AppMessageClient.prototype.resetCursor = function () {
  this.channel.resetCursor();
};

/** The last value pushed under `key` (undefined before the first poll that carried it). */
AppMessageClient.prototype.latest = function (key) {
  return this._latest[key];
};

/**
 * `cb(data, envelope)` on every answer whose `data` has `key`. Returns a function that removes it.
 */
AppMessageClient.prototype.on = function (key, cb) {
  requireFunction(cb, 'on("' + key + '", cb)');
  return this._listen(EVENTS.RESPONSE, function (envelope) {
    var data = envelope.data;
    if (data && typeof data === 'object' && Object.prototype.hasOwnProperty.call(data, key)) cb(data[key], envelope);
  });
};

/**
 * `cb(message, envelope)` once per targeted message to this user ({id, key, data, sent_at}), oldest
 * first: repeats (retries, a relaunch before the cursor was acknowledged) are dropped by id. Topic
 * messages go to subscribe() listeners instead.
 */
AppMessageClient.prototype.onMessage = function (cb) {
  requireFunction(cb, 'onMessage(cb)');
  return this._messages(cb);
};

/**
 * `cb(message, envelope)` once per message published to `topic` (e.g. 'live:42'), oldest first,
 * across retries and restarts (dropped by topic and id). From now on every poll carries the topic;
 * a long-poll held without it is asked again at once. Returns a function that unsubscribes; the
 * polls leave the topic out once its last listener is gone. Throws for a bad topic name or more
 * than `maxTopics` topics.
 */
AppMessageClient.prototype.subscribe = function (topic, cb) {
  requireFunction(cb, 'subscribe(topic, cb)');
  var client = this;
  var counts = this._subscribers;
  this.channel.setTopics(this.topics().concat(topic)); // first: it throws for a bad topic
  counts[topic] = (counts[topic] || 0) + 1;
  var off = this._messages(cb, topic);
  return function unsubscribe() {
    if (!off) return; // called before
    off();
    off = null;
    if (--counts[topic] === 0) delete counts[topic];
    client.channel.setTopics(client.topics());
  };
};

/** The topics subscribed to. */
AppMessageClient.prototype.topics = function () {
  return Object.keys(this._subscribers);
};

/** `cb({topic, envelope})` when a topic's history no longer reaches our cursor: reload that room. */
AppMessageClient.prototype.onTopicReset = listenerOf(EVENTS.TOPIC_RESET, 'onTopicReset');

/** `cb({topic, envelope})` when the server refuses a topic (left out of the polls until the next start()). */
AppMessageClient.prototype.onTopicRefused = listenerOf(EVENTS.TOPIC_REFUSED, 'onTopicRefused');

/** Listens for the fresh messages of `topic` (undefined: the personal ones). */
AppMessageClient.prototype._messages = function (cb, topic) {
  return this._listen(EVENTS.RESPONSE, function (envelope) {
    var messages = envelope.messages || [];
    for (var i = 0; i < messages.length; i++) if (messages[i].topic === topic) cb(messages[i], envelope);
  });
};

/** `cb(envelope)` when the server no longer knows our cursor: refresh what you show. */
AppMessageClient.prototype.onReset = listenerOf(EVENTS.RESET, 'onReset');

/** `cb({error, statusCode, attempt, delay})` on each failed poll. */
AppMessageClient.prototype.onError = listenerOf(EVENTS.ERROR, 'onError');

/**
 * Browsers: start while the page is visible, stop while hidden (the mini-program's onShow/onHide).
 * Returns a function that unbinds.
 */
AppMessageClient.prototype.followVisibility = function (doc) {
  var client = this;
  function apply() {
    if (doc.hidden) client.stop();
    else client.start();
  }
  doc.addEventListener('visibilitychange', apply);
  apply();
  return function () {
    doc.removeEventListener('visibilitychange', apply);
  };
};

AppMessageClient.prototype._listen = function (name, cb) {
  var subscription = this.event.on(name, false).then(cb);
  return function () {
    subscription.off();
  };
};

/** A method `name(cb)` that runs `cb(payload)` on every `event`; returns a function that removes it. */
function listenerOf(event, name) {
  return function (cb) {
    requireFunction(cb, name + '(cb)');
    return this._listen(event, cb);
  };
}

function requireFunction(cb, what) {
  if (typeof cb !== 'function') throw new TypeError(what + ': cb must be a function');
}

function createClient(options) {
  return new AppMessageClient(options);
}

/** The first client created (what useAppMessage uses when given none), or null. */
function getDefaultClient() {
  return defaultClient;
}

/** Makes `client` the default (e.g. after creating a second one for another server), or clears it with null. */
function setDefaultClient(client) {
  defaultClient = client;
}

export { AppMessageClient, createClient, getDefaultClient, setDefaultClient };
