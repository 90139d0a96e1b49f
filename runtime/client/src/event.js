/*
 * AppMessage event bus: the original mini-program's `getApp().event` (公共消息通道, "小程序端使用").
 *
 *   const bus = createEventBus();
 *   bus.on('app_message_response', false).then(function (envelope) { ... }); // every trigger
 *   bus.on('app_message_response', true).then(function (envelope) { ... });  // once
 *   bus.trigger('app_message_response', { code: 0, msg: '', data: { test_msg: '测试消息' } });
 *   bus.off('app_message_response', cb); // or bus.off('app_message_response') for all
 *
 * `on` returns a thenable rather than a Promise because a Promise settles once and the channel
 * delivers many times (the original docs set removeTrigger = false for exactly that reason). Being a
 * thenable also makes `await bus.on(name, true)` wait for the next trigger.
 *
 * Loads as CommonJS (mini-program, Node) or as a plain <script> (browser: window.AppMessage.event).
 */
function reportToConsole(error, name) {
  if (typeof console !== 'undefined' && console.error) {
    console.error('[AppMessage] a listener of "' + name + '" threw:', error);
  }
}

/**
 * @param {{onListenerError?: function(Error, string): void}} [options] where a throwing listener
 *   is reported (default console.error); the other listeners run regardless.
 */
function EventBus(options) {
  this._listeners = {}; // name -> [{cb, once}] in registration order
  this._onListenerError = (options && options.onListenerError) || reportToConsole;
}

/**
 * Subscribes to `name`. The listener is registered when `.then(cb)` is called.
 * @param {string} name event name, e.g. 'app_message_response'
 * @param {boolean} [removeTrigger=false] true: run cb once, then remove it
 * @returns {{then: function(function(*)): {off: function(): void}}}
 */
EventBus.prototype.on = function (name, removeTrigger) {
  requireName(name);
  var bus = this;
  var once = removeTrigger === true;
  return {
    then: function (cb) {
      if (typeof cb !== 'function') {
        throw new TypeError('event.on("' + name + '").then(cb): cb must be a function');
      }
      var entry = { cb: cb, once: once };
      (bus._listeners[name] = bus._listeners[name] || []).push(entry);
      return {
        off: function () {
          bus._remove(name, entry);
        }
      };
    }
  };
};

/**
 * Removes `cb` from `name`, or every listener of `name` when `cb` is omitted.
 * @returns {number} how many listeners were removed
 */
EventBus.prototype.off = function (name, cb) {
  requireName(name);
  var list = this._listeners[name];
  if (!list) return 0;
  if (cb === undefined) {
    delete this._listeners[name];
    return list.length;
  }
  var kept = list.filter(function (entry) {
    return entry.cb !== cb;
  });
  this._store(name, kept);
  return list.length - kept.length;
};

/**
 * Calls every listener of `name` with `payload`, in registration order. A listener that throws
 * is reported and does not stop the others (one broken page must not silence the channel).
 * @returns {number} how many listeners were called
 */
EventBus.prototype.trigger = function (name, payload) {
  requireName(name);
  var list = this._listeners[name];
  if (!list || list.length === 0) return 0;
  // Snapshot, and drop once-listeners before calling, so a listener that subscribes or
  // triggers again from inside its callback cannot make a once-listener run twice.
  var snapshot = list.slice();
  this._store(
    name,
    list.filter(function (entry) {
      return !entry.once;
    })
  );
  for (var i = 0; i < snapshot.length; i++) {
    try {
      snapshot[i].cb(payload);
    } catch (error) {
      try {
        this._onListenerError(error, name);
      } catch (ignored) {
        // the error reporter itself failed; the remaining listeners still run
      }
    }
  }
  return snapshot.length;
};

/** How many listeners `name` has (for pages that want to know whether anyone listens). */
EventBus.prototype.listenerCount = function (name) {
  var list = this._listeners[name];
  return list ? list.length : 0;
};

EventBus.prototype._remove = function (name, entry) {
  var list = this._listeners[name];
  if (!list) return;
  this._store(
    name,
    list.filter(function (e) {
      return e !== entry;
    })
  );
};

EventBus.prototype._store = function (name, list) {
  if (list.length === 0) delete this._listeners[name];
  else this._listeners[name] = list;
};

function requireName(name) {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError('event name must be a non-empty string, got ' + String(name));
  }
}

function createEventBus(options) {
  return new EventBus(options);
}

export { EventBus, createEventBus };
