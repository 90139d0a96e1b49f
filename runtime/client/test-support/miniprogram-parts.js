// Pieces of the mini-program host (miniprogram-host.js): its `wx`, its timers, setData's data paths,
// the system information WeChat's sync APIs answer, and 构建 npm.

/**
 * The `wx` a mini-program sees: emulateWx's request and storage, with wx.request's URL rules
 * (absolute URLs only; https only unless project.config.json turns urlCheck off, as DevTools'
 * 不校验合法域名 does), wx.setStorage, the system and launch information, and the app show/hide
 * listeners.
 */
export function hostWx({ emu, urlCheck, launchOptions, appId, appShow, appHide }) {
  function request(options) {
    const url = options && options.url;
    const refuse = (errMsg) => {
      Promise.resolve().then(() => options.fail && options.fail({ errMsg }));
      return { abort() {} };
    };
    if (typeof url === 'string' && !/^https?:\/\/[^/]/.test(url)) return refuse(`request:fail invalid url "${url}"`);
    if (typeof url === 'string' && urlCheck && !url.startsWith('https://')) return refuse('request:fail url not in domain list');
    return emu.api.request(options);
  }
  const remove = (list, cb) => {
    const i = list.indexOf(cb);
    if (i >= 0) list.splice(i, 1);
  };
  const launch = () => JSON.parse(JSON.stringify(launchOptions));
  return {
    ...emu.api,
    request,
    setStorage({ key, data, success, fail, complete }) {
      Promise.resolve().then(() => {
        try {
          emu.api.setStorageSync(key, data);
          if (success) success({ errMsg: 'setStorage:ok' });
        } catch (error) {
          if (fail) fail({ errMsg: 'setStorage:fail ' + error.message });
        }
        if (complete) complete({});
      });
    },
    ...systemInfo(),
    getLaunchOptionsSync: launch,
    getEnterOptionsSync: launch,
    getAccountInfoSync: () => ({ miniProgram: { appId: appId || 'touristappid', envVersion: 'develop', version: '' } }),
    onAppShow: (cb) => appShow.push(cb),
    offAppShow: (cb) => remove(appShow, cb),
    onAppHide: (cb) => appHide.push(cb),
    offAppHide: (cb) => remove(appHide, cb)
  };
}

/**
 * setTimeout/setInterval of the mini-program's JS thread. While suspended (the app in the
 * background past 5 s) nothing runs; a timer that came due runs once when the thread resumes.
 */
export function hostTimers() {
  const handles = new Set();
  const deferred = new Map(); // handle -> what it would have run
  let suspended = false;
  const run = (handle, fn, args) => (suspended ? deferred.set(handle, () => fn(...args)) : fn(...args));
  return {
    setTimeout(fn, ms, ...args) {
      const handle = setTimeout(() => {
        handles.delete(handle);
        run(handle, fn, args);
      }, ms);
      handles.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      handles.delete(handle);
      deferred.delete(handle);
      clearTimeout(handle);
    },
    setInterval(fn, ms, ...args) {
      const handle = setInterval(() => run(handle, fn, args), ms);
      handles.add(handle);
      return handle;
    },
    clearInterval(handle) {
      handles.delete(handle);
      deferred.delete(handle);
      clearInterval(handle);
    },
    suspend() {
      suspended = true;
    },
    resume() {
      suspended = false;
      const due = [...deferred.values()];
      deferred.clear();
      due.forEach((fn) => fn());
    },
    clearAll() {
      for (const handle of handles) clearTimeout(handle);
      handles.clear();
      deferred.clear();
    }
  };
}

/** Sets `value` at a setData path: `a`, `a.b.c`, `list[2].text` (missing levels are created). */
export function setDataPath(target, key, value) {
  const parts = [];
  key.replace(/([^.[\]]+)|\[(\d+)\]/g, (_, name, index) => parts.push(index !== undefined ? Number(index) : name));
  let node = target;
  parts.slice(0, -1).forEach((part, i) => {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {};
    node = node[part];
  });
  node[parts[parts.length - 1]] = value;
}

/**
 * wx.getSystemInfoSync and the APIs that replace it (getAppBaseInfo, getWindowInfo,
 * getDeviceInfo): the fields WeChat documents, with DevTools' iPhone values.
 */
export function systemInfo() {
  const window = { pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 753, statusBarHeight: 47, screenTop: 0, safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 } };
  const device = { brand: 'devtools', model: 'iPhone 12/13 (Pro)', system: 'iOS 15.0', platform: 'devtools', benchmarkLevel: 1 };
  const base = { SDKVersion: '3.6.0', language: 'zh_CN', version: '8.0.5', theme: 'light', enableDebug: false, host: { appId: '' } };
  const copy = (o) => JSON.parse(JSON.stringify(o));
  return {
    getSystemInfoSync: () => copy({ ...window, ...device, ...base, fontSizeSetting: 16 }),
    getWindowInfo: () => copy(window),
    getDeviceInfo: () => copy(device),
    getAppBaseInfo: () => copy(base)
  };
}

/**
 * WeChat DevTools' 构建 npm (Tools → Build npm), as documented
 * (https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html): for each dependency in the
 * project's package.json, the folder its package.json names in `miniprogram` is copied from
 * node_modules to miniprogram_npm/<name>/. A package without that field is refused here (DevTools
 * would bundle its `main` instead).
 */
export function buildNpm(projectDir, { fs, path }) {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  for (const name of Object.keys(pkg.dependencies || {})) {
    const home = fs.realpathSync(path.join(projectDir, 'node_modules', name));
    const field = JSON.parse(fs.readFileSync(path.join(home, 'package.json'), 'utf8')).miniprogram;
    if (!field) throw new Error(`${name} has no "miniprogram" field: this 构建 npm stand-in copies only such packages`);
    fs.cpSync(path.join(home, field), path.join(projectDir, 'miniprogram_npm', name), { recursive: true });
  }
}
