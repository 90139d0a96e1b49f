// Shows the latest value of each key the server pushed, and a short log of polls.
const MAX_LOG = 20;

function show(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function clock(date) {
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((n) => (n < 10 ? '0' + n : '' + n))
    .join(':');
}

Page({
  data: { entries: [], log: [], polling: false },

  onLoad() {
    const app = getApp();
    this.latest = {}; // key -> text
    this.onResponse = (envelope) => {
      Object.keys(envelope.data || {}).forEach((key) => {
        this.latest[key] = show(envelope.data[key]);
      });
      (envelope.messages || []).forEach((message) => {
        this.latest[message.key] = show(message.data) + ' (message ' + message.id + ')';
      });
      this.setData({
        entries: Object.keys(this.latest)
          .sort()
          .map((key) => ({ key, value: this.latest[key] }))
      });
    };
    this.onPoll = (poll) => {
      const line = poll.ok
        ? 'HTTP ' + poll.statusCode + ' in ' + poll.elapsed + ' ms'
        : (poll.quiet ? 'stopped: ' : 'failed: ') + poll.error.message;
      const log = [{ id: Date.now() + Math.random(), text: clock(new Date()) + '  ' + line }]
        .concat(this.data.log)
        .slice(0, MAX_LOG);
      this.setData({ log, polling: app.channel.isRunning() });
    };
    this.onReset = () => {
      this.latest = {}; // the server lost our cursor: show only what comes from now on
      this.setData({ entries: [] });
    };
    // removeTrigger = false: the channel delivers many times (the seed's usage).
    app.event.on('app_message_response', false).then(this.onResponse);
    app.event.on('app_message_poll', false).then(this.onPoll);
    app.event.on('app_message_reset', false).then(this.onReset);
  },

  onUnload() {
    const app = getApp();
    app.event.off('app_message_response', this.onResponse);
    app.event.off('app_message_poll', this.onPoll);
    app.event.off('app_message_reset', this.onReset);
  }
});
