// The one appmessage-client of the app, polling through Taro.request on every Taro target. Taro's
// API is an import, not a global, so it is handed over: `api: Taro`.
// The demo's settings come from the page's query on H5 (#/pages/index/index?user=alice&interval=1000
// &longpoll=1) and from the launch query in a mini-program (WeChat DevTools: 自定义编译 → 启动参数,
// the same names). H5 polls its own origin; a mini-program needs an absolute URL: `api`, else the
// example server on this machine (DevTools with 不校验合法域名); a published mini-program reaches
// only an HTTPS domain on its request whitelist.
import Taro from '@tarojs/taro'
import { createClient } from 'appmessage-client'

const inBrowser = process.env.TARO_ENV === 'h5'

function demoSettings () {
  if (inBrowser) {
    const query = new URLSearchParams(location.search || location.hash.split('?')[1] || '')
    return (name) => query.get(name)
  }
  const query = Taro.getLaunchOptionsSync().query || {}
  return (name) => (typeof query[name] === 'string' ? decodeURIComponent(query[name]) : null)
}

const setting = demoSettings()
const user = setting('user')
const apiBase = setting('api') || (inBrowser ? '' : 'http://127.0.0.1:8080')

export const client = createClient({
  platform: 'taro',
  api: Taro,
  url: apiBase + '/api/message/index',
  interval: Number(setting('interval')) || 5000,
  longPoll: setting('longpoll') === '1',
  accessToken: () => Taro.getStorageSync('access_token') || (user ? 'demo-' + user : null)
})
