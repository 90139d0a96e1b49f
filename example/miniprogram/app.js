// The mini-program: an event bus and the message channel on the App, as the seed expects
// (getApp().event.on('app_message_response', false).then(...)).
// appmessage-client: from miniprogram_npm after WeChat DevTools' 构建 npm (Tools → Build npm), from
// node_modules in Node (package.json: "appmessage-client": "file:../../runtime/client").
const { createEventBus, MessageChannel } = require('appmessage-client');
const config = require('./config');

const event = createEventBus();
const channel = new MessageChannel({
  url: config.serverUrl,
  bus: event,
  interval: config.interval,
  longPoll: config.longPoll,
  wait: config.wait,
  // Read per poll, so a login (wx.setStorageSync('access_token', t); channel.restart()) takes effect.
  accessToken: () => wx.getStorageSync('access_token') || config.accessToken
});

// The server lost our cursor ("recovered": false: its store was reset or trimmed past us). The channel
// already forgot its delivered ids; pages listening to the same event clear what they show, and the
// messages that follow are all the server still has.
event.on('app_message_reset', false).then((envelope) => {
  console.warn('AppMessage: the server lost our message cursor; refreshing targeted messages', envelope.cursor);
});

App({
  event,
  channel,
  onShow() {
    channel.start(); // the seed: the channel starts on onShow…
  },
  onHide() {
    channel.stop(); // …and stops on onHide
  }
});
