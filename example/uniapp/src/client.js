// The one appmessage-client of the app, polling through uni.request on every uni-app target. `uni`
// is handed over explicitly: uni-app injects it into the app's own code, but it is not a global the
// package could find on H5.
// The demo's settings come from the page's query on H5 (#/?user=alice&interval=1000&longpoll=1&api=…)
// and from the launch query in a mini-program (WeChat DevTools: 自定义编译 → 启动参数, the same names).
// H5 polls its own origin, or the server named by `api` (another origin: that server must allow the
// page's origin with APPMESSAGE_CORS_ALLOWED_ORIGINS). A mini-program needs an absolute URL: `api`,
// else the example server on this machine (DevTools with 不校验合法域名); a published mini-program
// reaches only an HTTPS domain on its request whitelist.
import { createClient } from 'appmessage-client';

const inBrowser = typeof location !== 'undefined';

function demoSettings() {
  if (inBrowser) {
    const query = new URLSearchParams(location.search || location.hash.split('?')[1] || '');
    return (name) => query.get(name);
  }
  const query = uni.getLaunchOptionsSync().query || {};
  return (name) => (typeof query[name] === 'string' ? decodeURIComponent(query[name]) : null);
}

const setting = demoSettings();
const user = setting('user');
const apiBase = setting('api') || (inBrowser ? '' : 'http://127.0.0.1:8080');

export const client = createClient({
  platform: 'uni',
  api: uni,
  url: apiBase + '/api/message/index',
  interval: Number(setting('interval')) || 5000,
  longPoll: setting('longpoll') === '1',
  accessToken: () => uni.getStorageSync('access_token') || (user ? 'demo-' + user : null)
});
