// The demo page: the mini-program client (window.AppMessage, from lib/) polling this server.
// Settings in the address: ?interval=<ms> (default 5000), ?user=alice|bob|carol.
(function () {
  'use strict';

  var POLL_PATH = '/api/message/index';
  var MAX_LOG = 30;
  var params = new URLSearchParams(location.search);
  var interval = Math.max(200, Number(params.get('interval')) || 5000);
  var token = params.get('user') ? 'demo-' + params.get('user') : '';

  var $ = function (id) { return document.getElementById(id); };
  var userSelect = $('user');
  var toggle = $('toggle');
  var status = $('status');
  var keysBody = $('keys-body');
  var log = $('log');

  var event = AppMessage.createEventBus();
  var channel = new AppMessage.MessageChannel({
    url: POLL_PATH,
    bus: event,
    interval: interval,
    accessToken: function () { return token || null; } // read on every poll
  });

  // key -> {value, at, fresh}; rebuilt from zero when the user changes
  var latest = {};

  function text(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function clock(date) {
    return [date.getHours(), date.getMinutes(), date.getSeconds()]
      .map(function (n) { return (n < 10 ? '0' : '') + n; }).join(':');
  }

  function cell(row, className, content) {
    var td = document.createElement('td');
    td.className = className;
    td.textContent = content; // never innerHTML: data comes from the server
    row.appendChild(td);
  }

  function renderKeys() {
    var keys = Object.keys(latest);
    keysBody.textContent = '';
    if (keys.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      cell(empty, '', 'waiting for the first answer…');
      empty.firstChild.colSpan = 3;
      keysBody.appendChild(empty);
      return;
    }
    keys.forEach(function (key) {
      var entry = latest[key];
      var row = document.createElement('tr');
      row.dataset.key = key;
      row.className = entry.fresh ? 'fresh' : 'stale';
      cell(row, 'key', key);
      cell(row, 'data', entry.value);
      cell(row, 'when', clock(entry.at));
      keysBody.appendChild(row);
    });
  }

  function addLog(className, line) {
    var item = document.createElement('li');
    item.className = className;
    item.textContent = clock(new Date()) + '  ' + line;
    log.insertBefore(item, log.firstChild);
    while (log.children.length > MAX_LOG) log.removeChild(log.lastChild);
  }

  function showStatus() {
    var running = channel.isRunning();
    status.className = 'badge ' + (running ? 'running' : 'stopped');
    status.textContent = running ? 'polling every ' + interval / 1000 + ' s' : 'stopped';
    toggle.textContent = running ? 'Stop (onHide)' : 'Start (onShow)';
  }

  function showRequest() {
    var url = location.origin + POLL_PATH;
    $('poll-url').textContent = POLL_PATH;
    $('curl').textContent = 'curl ' + (token ? "-H 'X-Access-Token: " + token + "' " : '') + url;
  }

  // The seed's usage: removeTrigger = false keeps the listener, the channel delivers many times.
  event.on('app_message_response', false).then(function (envelope) {
    var now = new Date();
    Object.keys(latest).forEach(function (key) { latest[key].fresh = false; });
    Object.keys(envelope.data || {}).forEach(function (key) {
      latest[key] = { value: text(envelope.data[key]), at: now, fresh: true };
    });
    (envelope.messages || []).forEach(function (message) {
      latest[message.key] = { value: text(message.data) + '  (message ' + message.id + ')', at: now, fresh: true };
    });
    renderKeys();
  });

  event.on('app_message_poll', false).then(function (poll) {
    if (poll.ok) {
      var keys = poll.envelope.data ? Object.keys(poll.envelope.data) : [];
      addLog('ok', 'HTTP ' + poll.statusCode + ' in ' + poll.elapsed + ' ms · ' +
        (keys.length ? keys.join(', ') : 'data: null'));
      if (!poll.envelope.data) {
        Object.keys(latest).forEach(function (key) { latest[key].fresh = false; });
        renderKeys();
      }
    } else if (poll.quiet) {
      addLog('quiet', 'stopped: ' + poll.error.message);
    } else {
      addLog('fail', 'failed' + (poll.statusCode ? ' (HTTP ' + poll.statusCode + ')' : '') + ': ' +
        poll.error.message + ' · retry in ' + Math.round(poll.delay / 100) / 10 + ' s');
      status.className = 'badge failing';
      status.textContent = 'failing, backing off';
      return;
    }
    showStatus();
  });

  userSelect.value = token;
  userSelect.addEventListener('change', function () {
    token = userSelect.value;
    latest = {};
    renderKeys();
    showRequest();
    addLog('quiet', 'switched to ' + (token ? token.replace('demo-', '') : 'anonymous'));
    // Another user: forget the old user's cursor before the next poll (client README, "Targeted messages").
    channel.resetCursor();
    channel.restart();
    showStatus();
  });

  toggle.addEventListener('click', function () {
    if (channel.isRunning()) channel.stop(); else channel.start();
    showStatus();
  });

  // A hidden tab is the browser's onHide: stop polling, and resume at once on onShow.
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) channel.stop(); else channel.start();
    showStatus();
  });

  $('interval').textContent = String(interval / 1000);
  showRequest();
  channel.start();
  showStatus();
})();
