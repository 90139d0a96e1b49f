/*
 * The client an app holds: one event bus (the `getApp().event` of the original PHP shop's mini-program) and one channel, plus
 * listeners per key and per targeted message.
 *
 *   const client = createClient({ url: 'https://shop.example.com/api/message/index' });
 *   client.on('order_status', (status) => show(status));   // handler data, on every poll that has it
 *   client.onMessage((message) => toast(message.data));    // targeted messages, each once
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
  var channelOptions = {};
  Object.keys(options).forEach(function (name) {
    channelOptions[name] = options[name];
  });
  var latest = {};
  // The client notes each key's latest value on the way to the bus, so the app's bus holds only
  // the app's listeners (listenerCount stays theirs).
  channelOptions.bus = {
    trigger: function (name, payload) {
      var data = name === EVENTS.RESPONSE && payload.data;
      if (data && typeof data === 'object') {
        Object.keys(data).forEach(function (key) {
          latest[key] = data[key];
        });
      }
      return bus.trigger(name, payload);
    }
  };
  this.event = bus;
  this.channel = new MessageChannel(channelOptions);
  this.platform = this.channel.platform;
  this._latest = latest;
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
 * `cb(message, envelope)` once per targeted message ({id, key, data, sent_at, topic?}), oldest
 * first: repeats (retries, a relaunch before the cursor was acknowledged) are dropped by id.
 */
AppMessageClient.prototype.onMessage = function (cb) {
  requireFunction(cb, 'onMessage(cb)');
  return this._listen(EVENTS.RESPONSE, function (envelope) {
    var messages = envelope.messages || [];
    for (var i = 0; i < messages.length; i++) cb(messages[i], envelope);
  });
};

/** `cb(envelope)` when the server no longer knows our cursor: refresh what you show. */
AppMessageClient.prototype.onReset = function (cb) {
  requireFunction(cb, 'onReset(cb)');
  return this._listen(EVENTS.RESET, cb);
};

/** `cb({error, statusCode, attempt, delay})` on each failed poll. */
AppMessageClient.prototype.onError = function (cb) {
  requireFunction(cb, 'onError(cb)');
  return this._listen(EVENTS.ERROR, cb);
};

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
