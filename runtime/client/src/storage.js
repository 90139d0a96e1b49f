/*
 * Where the channel keeps its cursor and the ids it has already delivered (the platform's storage:
 * wx.setStorageSync and its kin, localStorage in a browser), so a restart neither replays nor loses
 * targeted messages.
 *
 * A storage is { get(key) -> value|null, set(key, value), remove(key) } with JSON-able values.
 *
 *   wxStorage(wx)           // wx, qq, uni, Taro, tt, swan: getStorageSync / setStorageSync
 *   alipayStorage(my)       // Alipay: the same calls, each taking one {key, data} object
 *   browserStorage()        // localStorage in a browser, memory in Node
 *   memoryStorage()         // for tests and Node clients; share one to simulate a restart
 */
/**
 * The key-value storage of wx, qq, uni, Taro, tt and swan: `getStorageSync(key)` answers '' for a
 * missing key, objects are kept as they are.
 */
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

/**
 * Alipay's sync storage takes one object: `my.getStorageSync({key})` answers `{data}` (data null
 * when missing), `my.setStorageSync({key, data})`, `my.removeStorageSync({key})`
 * (Alipay docs, 数据缓存: https://opendocs.alipay.com/mini/api).
 */
function alipayStorage(myApi) {
  return {
    get: function (key) {
      var res = myApi.getStorageSync({ key: key });
      var value = res ? res.data : null;
      return value === undefined || value === '' ? null : value;
    },
    set: function (key, value) {
      myApi.setStorageSync({ key: key, data: value });
    },
    remove: function (key) {
      myApi.removeStorageSync({ key: key });
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

/** localStorage where it can be read, else memory (storage disabled, sandboxed iframe, Node). */
function browserStorage() {
  try {
    if (typeof localStorage !== 'undefined' && localStorage) return webStorage(localStorage);
  } catch (e) {
    // reading localStorage can throw: fall back to memory
  }
  return memoryStorage();
}

export { wxStorage, alipayStorage, webStorage, memoryStorage, browserStorage };
