// Shows the latest value of each key the server pushed, the targeted messages sent to this user
// (the channel already dropped repeats), the lines of a live room (a topic everyone may read,
// subscribed while the page is loaded), and a short log of polls.
const config = require('../../config');

const MAX_LOG = 20;
const MAX_MESSAGES = 50;
const MAX_LINES = 50;

function show(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function clock(date) {
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((n) => (n < 10 ? '0' + n : '' + n))
    .join(':');
}

Page({
  data: { entries: [], messages: [], log: [], polling: false, room: 'live:' + config.liveRoom, lines: [], roomNote: '' },

  onLoad() {
    const app = getApp();
    this.latest = {}; // key -> text
    this.onResponse = (envelope) => {
      Object.keys(envelope.data || {}).forEach((key) => {
        this.latest[key] = show(envelope.data[key]);
      });
      // topic messages (the live room) go to the room's listener below; this list is for me alone
      const arrived = (envelope.messages || []).filter((message) => message.topic === undefined).map((message) => {
        const data = message.data || {};
        const demo = message.key === 'demo_message'; // POST /api/demo/send on the example server
        return {
          id: String(message.id),
          title: (demo ? '来自 from ' + data.from : message.key) + ' · #' + message.id,
          text: demo ? data.text : show(message.data)
        };
      });
      this.setData({
        entries: Object.keys(this.latest)
          .sort()
          .map((key) => ({ key, value: this.latest[key] })),
        messages: arrived.reverse().concat(this.data.messages).slice(0, MAX_MESSAGES)
      });
    };
    this.onPoll = (poll) => {
      const held = poll.ok && typeof poll.envelope.wait === 'number' ? ' · held (wait ' + poll.envelope.wait + ' s)' : '';
      const line = poll.ok
        ? 'HTTP ' + poll.statusCode + ' in ' + poll.elapsed + ' ms' + held
        : (poll.quiet ? 'stopped: ' : 'failed: ') + poll.error.message;
      const log = [{ id: Date.now() + Math.random(), text: clock(new Date()) + '  ' + line }]
        .concat(this.data.log)
        .slice(0, MAX_LOG);
      this.setData({ log, polling: app.channel.isRunning() });
    };
    this.onReset = () => {
      // the server lost our cursor: what it sends next is all it still has, so start the list again
      this.latest = {};
      this.setData({ entries: [], messages: [] });
    };
    // removeTrigger = false: the channel delivers many times (the seed's usage).
    app.event.on('app_message_response', false).then(this.onResponse);
    app.event.on('app_message_poll', false).then(this.onPoll);
    app.event.on('app_message_reset', false).then(this.onReset);

    // The live room: every poll carries the topic while this page is loaded; each line arrives once.
    const room = this.data.room;
    this.leaveRoom = app.client.subscribe(room, (message) => {
      const data = message.data && typeof message.data === 'object' ? message.data : { text: message.data };
      const line = { id: String(message.id), who: (data.from || '某人 someone') + ' · #' + message.id, text: typeof data.text === 'string' ? data.text : show(message.data) };
      this.setData({ lines: this.data.lines.concat([line]).slice(-MAX_LINES) });
    });
    this.offRoomReset = app.client.onTopicReset((info) => {
      // its history no longer reaches our cursor: what follows is all the server still has
      if (info.topic === room) this.setData({ lines: [], roomNote: '历史已过期,已刷新 history trimmed, refreshed' });
    });
    this.offRoomRefused = app.client.onTopicRefused((info) => {
      if (info.topic === room) this.setData({ roomNote: '服务器拒绝订阅 refused by the server: ' + info.topic });
    });
  },

  onUnload() {
    const app = getApp();
    this.leaveRoom();
    this.offRoomReset();
    this.offRoomRefused();
    app.event.off('app_message_response', this.onResponse);
    app.event.off('app_message_poll', this.onPoll);
    app.event.off('app_message_reset', this.onReset);
  }
});
