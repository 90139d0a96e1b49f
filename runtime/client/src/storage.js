/*
 * Where the channel keeps its cursor and the ids it has already delivered (issue 6: "keeps its
 * cursor with wx.setStorageSync (localStorage in a browser)"), so a restart neither replays nor
 * loses targeted messages.
 *
 * A storage is { get(key) -> value|null, set(key, value), remove(key) } with JSON-able values.
 *
 *   defaultStorage()        // wx storage in a mini-program, localStorage in a browser, memory in Node
 *   memoryStorage()         // for tests and Node clients; share one to simulate a restart
 */
(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = factory();
  } else {
    var ns = (root.AppMessage = root.AppMessage || {});
    ns.storage = factory();
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  /** wx storage keeps objects as they are; getStorageSync answers '' for a missing key. */
  function wxStorage(wxApi) {
    return {
      get: function (key) {
        var value = wxApi.getStorageSync(key);
        return value === '' || value === undefined ? null : value;
      },
      set: function (key, value) {
        wxApi.setStorageSync(key, value);
      },
      remove: function (key) {
        wxApi.removeStorageSync(key);
      }
    };
  }

  /** Web Storage keeps strings only, so values go through JSON. */
  function webStorage(store) {
    return {
      get: function (key) {
        var text = store.getItem(key);
        if (text === null) return null;
        try {
          return JSON.parse(text);
        } catch (e) {
          return null; // unreadable leftovers count as nothing stored
        }
      },
      set: function (key, value) {
        store.setItem(key, JSON.stringify(value));
      },
      remove: function (key) {
        store.removeItem(key);
      }
    };
  }

  function memoryStorage() {
    var values = {};
    return {
      get: function (key) {
        return Object.prototype.hasOwnProperty.call(values, key)
          ? JSON.parse(values[key])
          : null;
      },
      set: function (key, value) {
        values[key] = JSON.stringify(value); // a copy, as real storage would keep
      },
      remove: function (key) {
        delete values[key];
      }
    };
  }

  function defaultStorage() {
    if (typeof wx !== 'undefined' && wx && typeof wx.getStorageSync === 'function') {
      return wxStorage(wx);
    }
    try {
      // Reading localStorage can throw (storage disabled, sandboxed iframe): fall back to memory.
      if (typeof localStorage !== 'undefined' && localStorage) return webStorage(localStorage);
    } catch (e) {
      // fall through
    }
    return memoryStorage();
  }

  return {
    wxStorage: wxStorage,
    webStorage: webStorage,
    memoryStorage: memoryStorage,
    defaultStorage: defaultStorage
  };
});
