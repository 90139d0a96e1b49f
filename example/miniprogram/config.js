// Settings of the mini-program's message channel: the one place to change them.
// serverUrl must be an HTTPS domain on the mini-program's request whitelist in production
// (mp.weixin.qq.com → 开发管理 → 开发设置 → 服务器域名 → request合法域名). For local development,
// tick "不校验合法域名…" in WeChat DevTools (project.config.json: setting.urlCheck = false).
module.exports = {
  serverUrl: 'http://127.0.0.1:8080/api/message/index',
  interval: 5000, // ms between polls (the seed: every 5 s)
  longPoll: false, // true: ask the server to hold each poll (long-poll); falls back to `interval`
  wait: 25, // seconds a long-poll may be held (server caps it)
  accessToken: '', // a demo token such as 'demo-alice'; or set wx storage 'access_token' after login
  liveRoom: '42' // the index page shows the lines of the topic live:<liveRoom> (POST /api/live/42 says one)
};
