// A WeChat mini-program host for tests: it loads a mini-program's output folder (app.json, app.js,
// pages/*.{js,wxml}, as WeChat DevTools imports it) and runs it the way WeChat's logic layer does,
// with wx.request answered by emulateWx (emulators.js) over a backend (real HTTP for the example
// server). WeChat cannot run here; what is emulated, from WeChat's docs:
// - modules (https://developers.weixin.qq.com/miniprogram/dev/reference/api/require.html): each file
//   runs once in one JS realm with require/module/exports; relative paths, ".js" optional, bare names
//   from miniprogram_npm; browser globals (window, document, location, fetch, XMLHttpRequest,
//   localStorage …) are undefined, and so are Node's (process, URL, URLSearchParams, TextEncoder).
// - App() once (reference/api/App.html): onLaunch then onShow with the launch options; getApp()
//   ({allowDefault: true} gives the default app before App() ran); wx.onAppShow/onAppHide listeners.
// - pages by Page() (reference/api/Page.html) or by Component() (framework/custom-component/component.html,
//   "使用 Component 构造器构造页面": lifecycle methods in `methods`, query through `properties`,
//   this.data === this.properties), in the order created → attached → onLoad(query) → onShow
//   (pageLifetimes.show) → ready → onReady; getCurrentPages().
// - setData (Page.html#Page.prototype.setData): data paths (`a.b`, `list[1]`), JSON-copied to the
//   view (rendered from the page's .wxml by wxml.js), data this.data reads at once, the callback after
//   the view updated; `undefined` values are refused with WeChat's warning; observers of set fields.
// - background (framework/runtime/operating-mechanism.html): hide runs the page's onHide, then App
//   onHide; 5 s later the JS thread stops (a timer that comes due meanwhile runs once when the app
//   shows again) and open requests fail "request:fail interrupted".
// - wx.request URLs must be absolute; with project.config.json's setting.urlCheck not false, only
//   https (errMsg "request:fail url not in domain list"), as on a phone.
// Not emulated: rendering beyond data binding (no layout, no events from taps), WXML templates and
// wxs (render() refuses them; viewData() gives what the page sent), custom components (their files
// are loaded and their Component() registered, none is instantiated), subpackages, and APIs the app does not call (wx.preloadAssets among them: absent here, so code that
// feature-tests for it does without, as on an older base library).
import vm from 'node:vm';
import fs from 'node:fs';
import path from 'node:path';
import { emulateWx } from './emulators.js';
import { parseWxml, renderWxml, select, textOf } from './wxml.js';
import { hostTimers, hostWx, setDataPath } from './miniprogram-parts.js';

const BROWSER_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'fetch'];
const SUSPEND_AFTER_HIDE_MS = 5000;
const SET_DATA_LIMIT = 1024 * 1024;

/**
 * @param {string} root the mini-program folder (app.json at its top)
 * @param {object} options backend: where wx.request goes (emulators.httpBackend() for real HTTP);
 *   query: the launch query (DevTools: 自定义编译 → 启动参数), scene (default 1001)
 */
export function launchMiniProgram(root, { backend, query = {}, scene = 1001 } = {}) {
  const appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'));
  const project = readJson(path.join(root, 'project.config.json')) || {};
  const urlCheck = !(project.setting && project.setting.urlCheck === false);
  const problems = [];
  const logs = [];
  const timers = hostTimers();
  const emu = emulateWx(backend);
  const entry = appJson.entryPagePath || appJson.pages[0];
  const launchOptions = { path: entry, query: { ...query }, scene, referrerInfo: {}, apiCategory: 'default' };
  const appShow = [];
  const appHide = [];
  let app = null;
  const defaultApp = {};
  const routes = new Map(); // route -> {kind: 'Page'|'Component', options}
  let registering = null;
  const pages = [];
  let suspendTimer = null;

  const report = (what, error) => problems.push(`${what}: ${error && error.stack ? error.stack : error}`);
  const safely = (what, fn, self, ...args) => {
    if (typeof fn !== 'function') return undefined;
    try {
      return fn.apply(self, args);
    } catch (error) {
      report(what, error);
      return undefined;
    }
  };

  const wx = hostWx({ emu, urlCheck, launchOptions, appId: project.appid, appShow, appHide });

  const consoleOf = {
    log: (...a) => logs.push(a.map(String).join(' ')),
    info: (...a) => logs.push(a.map(String).join(' ')),
    debug: (...a) => logs.push(a.map(String).join(' ')),
    warn: (...a) => problems.push('console.warn: ' + a.map(String).join(' ')),
    error: (...a) => problems.push('console.error: ' + a.map(String).join(' '))
  };

  const sandbox = {
    console: consoleOf,
    wx,
    global: {},
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    setInterval: timers.setInterval,
    clearInterval: timers.clearInterval,
    App(options) {
      if (app) throw new Error('App() may be called only once');
      app = Object.assign(defaultApp, options);
    },
    getApp: (opts) => app || (opts && opts.allowDefault ? defaultApp : undefined),
    getCurrentPages: () => pages.slice(),
    Page: (options) => register('Page', options),
    Component: (options) => register('Component', options),
    Behavior: (options) => options
  };
  const context = vm.createContext(sandbox);
  const cache = new Map();

  function register(kind, options) {
    if (!registering) throw new Error(`${kind}() outside of a page's or component's file`);
    routes.set(registering, { kind, options });
  }

  /** Loads what a page's or component's .json names in usingComponents (registered, not instantiated). */
  function loadComponents(route) {
    const json = readJson(path.join(root, route + '.json')) || {};
    for (const ref of Object.values(json.usingComponents || {})) {
      const file = path.relative(root, ref.startsWith('/') ? path.join(root, ref) : path.resolve(root, path.dirname(route), ref));
      if (routes.has(file) || registering === file) continue;
      const outer = registering;
      registering = file;
      try {
        load(path.join(root, file + '.js'));
      } finally {
        registering = outer;
      }
      loadComponents(file);
    }
  }

  function load(file) {
    if (cache.has(file)) return cache.get(file).exports;
    if (!fs.existsSync(file)) throw new Error(`module '${path.relative(root, file)}' is not defined`);
    const module = { exports: {} };
    cache.set(file, module);
    const wrapped = `(function (require, module, exports, ${BROWSER_GLOBALS.join(', ')}) {${fs.readFileSync(file, 'utf8')}\n})`;
    vm.runInContext(wrapped, context, { filename: file }).call(undefined, requireFrom(path.dirname(file)), module, module.exports);
    return module.exports;
  }

  function requireFrom(dir) {
    return (name) => {
      const withJs = (p) => (p.endsWith('.js') ? p : p + '.js');
      if (name.startsWith('.') || name.startsWith('/')) {
        const file = withJs(name.startsWith('/') ? path.join(root, name) : path.resolve(dir, name));
        if (!file.startsWith(root + path.sep)) throw new Error(`module '${name}' is outside the mini-program`);
        return load(file);
      }
      for (let d = dir; d.startsWith(root); d = path.dirname(d)) {
        const pkg = path.join(d, 'miniprogram_npm', name);
        if (fs.existsSync(pkg)) return load(fs.existsSync(withJs(pkg)) ? withJs(pkg) : path.join(pkg, 'index.js'));
        if (d === root) break;
      }
      throw new Error(`module '${name}' is not defined (not in miniprogram_npm: run 构建 npm)`);
    };
  }

  function openPage(route, pageQuery) {
    registering = route;
    try {
      load(path.join(root, route + '.js'));
    } finally {
      registering = null;
    }
    const definition = routes.get(route);
    if (!definition) throw new Error(`${route}.js called neither Page() nor Component()`);
    loadComponents(route);
    const view = () => parseWxml(fs.readFileSync(path.join(root, route + '.wxml'), 'utf8'));
    const page = definition.kind === 'Page' ? pageInstance(definition.options) : componentPage(definition.options, pageQuery);
    Object.assign(page, { route, options: { ...pageQuery }, __route__: route, __wxWebviewId__: pages.length + 1, __wxExparserNodeId__: 'page' + (pages.length + 1) });
    page.$view = { tree: view, data: JSON.parse(JSON.stringify(page.data)), updates: 0 };
    pages.push(page);
    const lifetimes = page.$lifetimes || {};
    safely('created', lifetimes.created, page);
    safely('attached', lifetimes.attached, page);
    safely('onLoad', page.onLoad, page, { ...pageQuery });
    showPage(page);
    safely('ready', lifetimes.ready, page);
    safely('onReady', page.onReady, page);
    return page;
  }

  function pageInstance(options) {
    const page = { ...options, data: JSON.parse(JSON.stringify(options.data || {})) };
    page.setData = (patch, cb) => setData(page, patch, cb);
    return page;
  }

  function componentPage(options, pageQuery) {
    const data = JSON.parse(JSON.stringify(options.data || {}));
    for (const [name, spec] of Object.entries(options.properties || {})) {
      data[name] = name in pageQuery ? pageQuery[name] : defaultOf(spec);
    }
    const page = { ...(options.methods || {}), data, properties: data, is: '', id: '', dataset: {} };
    page.$lifetimes = { created: options.created, attached: options.attached, ready: options.ready, detached: options.detached, ...(options.lifetimes || {}) };
    page.$pageLifetimes = options.pageLifetimes || {};
    page.$observers = options.observers || {};
    page.setData = (patch, cb) => setData(page, patch, cb);
    page.triggerEvent = () => {}; // a page has no parent component to hear it
    page.selectAllComponents = () => [];
    page.selectComponent = () => null;
    return page;
  }

  function setData(page, patch, cb) {
    if (!patch || typeof patch !== 'object') throw new TypeError('setData: data must be an object');
    const size = JSON.stringify(patch).length;
    if (size > SET_DATA_LIMIT) problems.push(`setData: ${size} bytes exceed WeChat's 1024 KB per call`);
    const changed = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) {
        problems.push(`console.warn: Setting data field "${key}" to undefined is invalid.`);
        continue;
      }
      setDataPath(page.data, key, JSON.parse(JSON.stringify(value)));
      setDataPath(page.$view.data, key, JSON.parse(JSON.stringify(value)));
      changed.push(key.split(/[.[]/)[0]);
    }
    page.$view.updates++;
    for (const [fields, observer] of Object.entries(page.$observers || {})) {
      const names = fields.split(',').map((f) => f.trim());
      if (names.some((n) => changed.includes(n))) safely('observer ' + fields, observer, page, ...names.map((n) => page.data[n]));
    }
    if (typeof cb === 'function') timers.setTimeout(() => safely('setData callback', cb, page), 0);
  }

  function showPage(page) {
    safely('onShow', page.onShow, page);
    safely('pageLifetimes.show', (page.$pageLifetimes || {}).show, page);
  }

  function hidePage(page) {
    safely('onHide', page.onHide, page);
    safely('pageLifetimes.hide', (page.$pageLifetimes || {}).hide, page);
  }

  load(path.join(root, 'app.js'));
  if (!app) throw new Error('app.js did not call App()');
  safely('App.onLaunch', app.onLaunch, app, wx.getLaunchOptionsSync());
  safely('App.onShow', app.onShow, app, wx.getLaunchOptionsSync());
  appShow.forEach((cb) => safely('onAppShow', cb, undefined, wx.getLaunchOptionsSync()));
  openPage(entry, launchOptions.query);

  const currentPage = () => pages[pages.length - 1];
  return {
    app,
    wx,
    host: emu.host,
    problems,
    logs,
    currentPage,
    /** The current page's view as WXML renders it from the data it was sent. */
    render: () => renderWxml(currentPage().$view.tree(), currentPage().$view.data),
    /** The data the current page's view holds (what setData sent, JSON-copied). */
    viewData: () => currentPage().$view.data,
    /** Text of each element matching `#id` or `.class` on the current page. */
    texts(selector) {
      return select(this.render(), selector).map(textOf);
    },
    /** The user leaves the app (home button): page onHide, App onHide; JS stops 5 s later. */
    hide() {
      hidePage(currentPage());
      safely('App.onHide', app.onHide, app);
      appHide.forEach((cb) => safely('onAppHide', cb));
      emu.host.hide();
      suspendTimer = setTimeout(() => timers.suspend(), SUSPEND_AFTER_HIDE_MS);
    },
    /** The user comes back: JS runs again, App onShow, page onShow. */
    show() {
      clearTimeout(suspendTimer);
      timers.resume();
      emu.host.show();
      const options = { ...wx.getLaunchOptionsSync(), scene: 1089 };
      safely('App.onShow', app.onShow, app, options);
      appShow.forEach((cb) => safely('onAppShow', cb, undefined, options));
      showPage(currentPage());
    },
    /** Unloads the pages and clears every timer the app left. */
    close() {
      for (const page of pages.splice(0).reverse()) {
        safely('onUnload', page.onUnload, page);
        safely('detached', (page.$lifetimes || {}).detached, page);
      }
      clearTimeout(suspendTimer);
      emu.host.show(); // ends the request host's own hide timer
      timers.clearAll();
    }
  };
}

function defaultOf(spec) {
  const type = spec && typeof spec === 'object' && 'type' in spec ? spec.type : spec;
  if (spec && typeof spec === 'object' && 'value' in spec) return JSON.parse(JSON.stringify(spec.value === undefined ? null : spec.value));
  if (type === String) return '';
  if (type === Number) return 0;
  if (type === Boolean) return false;
  if (type === Array) return [];
  return null;
}

function readJson(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
}
