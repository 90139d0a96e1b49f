// The mini-program: the client's event bus and channel on the App, as the seed expects
// (getApp().event.on('app_message_response', false).then(...)).
// appmessage-client: from miniprogram_npm after WeChat DevTools' 构建 npm (Tools → Build npm), from
// node_modules in Node (package.json: "appmessage-client": "file:../../runtime/client").
const { createClient } = require('appmessage-client');
const config = require('./config');

const client = createClient({
  url: config.serverUrl,
  interval: config.interval,
  longPoll: config.longPoll,
  wait: config.wait,
  // Read per poll, so a login (wx.setStorageSync('access_token', t); channel.restart()) takes effect.
  accessToken: () => wx.getStorageSync('access_token') || config.accessToken
});

// The server lost our cursor ("recovered": false: its store was reset or trimmed past us). The client
// already forgot its delivered ids; pages listening to app_message_reset clear what they show, and the
// messages that follow are all the server still has.
client.onReset((envelope) => {
  console.warn('AppMessage: the server lost our message cursor; refreshing targeted messages', envelope.cursor);
});

App({
  client,
  event: client.event, // the seed's event system
  channel: client.channel,
  onShow() {
    client.start(); // the seed: the channel starts on onShow…
  },
  onHide() {
    client.stop(); // …and stops on onHide
  }
});
