// The demo page: the mini-program client (window.AppMessage, lib/appmessage.js) polling this server.
// Settings in the address: ?interval=<ms> (default 5000), ?user=alice|bob|carol, ?longpoll=0 (default on),
// ?room=<room> (join that live room at once).
// The live room is a topic, live:<room>: client.subscribe(topic, cb) on the poll, POST /api/live/<room> to say a line.
(function () {
  'use strict';

  var POLL_PATH = '/api/message/index';
  var SEND_PATH = '/api/demo/send';
  var MESSAGE_KEY = 'demo_message';
  var MAX_LOG = 30;
  var MAX_MESSAGES = 50;
  var params = new URLSearchParams(location.search);
  var interval = Math.max(200, Number(params.get('interval')) || 5000);
  var token = params.get('user') ? 'demo-' + params.get('user') : '';
  var longPoll = params.get('longpoll') !== '0';

  var $ = function (id) { return document.getElementById(id); };
  var userSelect = $('user');
  var toggle = $('toggle');
  var status = $('status');
  var keysBody = $('keys-body');
  var log = $('log');
  var longPollBox = $('longpoll');
  var messagesList = $('messages');
  var sendForm = $('send-form');
  var sendTo = $('send-to');
  var sendText = $('send-text');
  var sendButton = $('send');
  var sendResult = $('send-result');

  var event = AppMessage.createEventBus();

  // The cursor and delivered ids live in this tab's sessionStorage: a reload neither replays nor loses,
  // and two windows of one browser (alice in one, bob in the other) keep apart what localStorage would share.
  var storage = AppMessage.webStorage(window.sessionStorage);

  // Long-poll is a setting of the channel: switching it builds a new client on the same bus and the
  // same storage (so the cursor and the delivered ids carry over).
  function makeClient() {
    return AppMessage.createClient({
      url: POLL_PATH,
      bus: event,
      storage: storage,
      interval: interval,
      longPoll: longPoll,
      accessToken: function () { return token || null; } // read on every poll
    });
  }
  var client = makeClient();
  var channel = client.channel;

  // the live room (live.js): lines of the joined room, on the current client
  var liveRoom = DemoLiveRoom({
    client: function () { return client; },
    user: function () { return token ? token.replace('demo-', '') : ''; },
    token: function () { return token; },
    log: function (className, line) { addLog(className, line); }
  });

  // key -> {value, at, fresh}; rebuilt from zero when the user changes
  var latest = {};
  // targeted messages of the current user, newest first (the client already dropped repeats by id)
  var messages = [];
  // the last answer's `wait`: > 0 when the server holds polls
  var serverWait = null;

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

  function renderMessages() {
    messagesList.textContent = '';
    $('messages-user').textContent = token ? token.replace('demo-', '') : 'nobody (anonymous)';
    if (messages.length === 0) {
      var empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = token ? 'no targeted messages yet: send one to ' + token.replace('demo-', '')
        : 'anonymous polls get no targeted messages';
      messagesList.appendChild(empty);
      return;
    }
    messages.forEach(function (message) {
      var item = document.createElement('li');
      item.dataset.id = String(message.id);
      var meta = document.createElement('div');
      meta.className = 'meta';
      var data = message.data || {};
      meta.textContent = (message.key === MESSAGE_KEY ? 'from ' + data.from : message.key) + ' · ' +
        clock(new Date(data.sent_at || message.sent_at)) + ' · #' + message.id;
      var body = document.createElement('div');
      body.className = 'text';
      body.textContent = message.key === MESSAGE_KEY ? data.text : text(message.data); // never innerHTML
      item.appendChild(meta);
      item.appendChild(body);
      messagesList.appendChild(item);
    });
  }

  function showStatus() {
    var running = channel.isRunning();
    status.className = 'badge ' + (running ? 'running' : 'stopped');
    if (!running) {
      status.textContent = 'stopped';
    } else if (longPoll && serverWait === 0) {
      status.textContent = 'server does not hold polls: every ' + interval / 1000 + ' s';
    } else if (longPoll) {
      status.textContent = 'long-polling' + (serverWait ? ' (held up to ' + serverWait + ' s)' : '');
    } else {
      status.textContent = 'polling every ' + interval / 1000 + ' s';
    }
    toggle.textContent = running ? 'Stop (onHide)' : 'Start (onShow)';
  }

  function showSendBox() {
    var canSend = Boolean(token);
    sendText.disabled = !canSend;
    sendButton.disabled = !canSend;
    sendTo.disabled = !canSend;
    if (!canSend) {
      sendResult.className = 'hint';
      sendResult.textContent = 'Pick a demo user above to send as them (POST /api/demo/send?to=… with X-Access-Token).';
    }
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
    renderKeys();
    // topic messages (the live room) go to the room's listener; this list holds the personal ones
    var personal = envelope.messages.filter(function (message) { return message.topic === undefined; });
    if (personal.length > 0) {
      messages = personal.reverse().concat(messages).slice(0, MAX_MESSAGES);
      renderMessages();
    }
  });

  // The server lost our cursor (store reset, history trimmed): what it sends now is all there is.
  event.on('app_message_reset', false).then(function () {
    messages = [];
    renderMessages();
    addLog('quiet', 'the server lost our place (recovered: false): messages list refreshed');
  });

  event.on('app_message_poll', false).then(function (poll) {
    if (poll.ok) {
      var keys = poll.envelope.data ? Object.keys(poll.envelope.data) : [];
      var count = (poll.envelope.messages || []).length;
      serverWait = typeof poll.envelope.wait === 'number' ? poll.envelope.wait : (longPoll && poll.delay > 0 ? 0 : serverWait);
      var held = typeof poll.envelope.wait === 'number' ? ' · held (wait ' + poll.envelope.wait + ' s)' : '';
      addLog(count ? 'ok news' : 'ok', 'HTTP ' + poll.statusCode + ' in ' + poll.elapsed + ' ms' + held +
        (count ? ' · ' + count + ' message' + (count > 1 ? 's' : '') : '') + ' · ' +
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
    messages = [];
    renderKeys();
    renderMessages();
    showSendBox();
    liveRoom.userChanged();
    showRequest();
    addLog('quiet', 'switched to ' + (token ? token.replace('demo-', '') : 'anonymous'));
    // Another user: forget the old user's cursor before the next poll (client README, "Targeted messages").
    channel.resetCursor();
    channel.restart();
    showStatus();
  });

  longPollBox.checked = longPoll;
  longPollBox.addEventListener('change', function () {
    var wasRunning = channel.isRunning();
    channel.stop();
    longPoll = longPollBox.checked;
    serverWait = null;
    liveRoom.moveTo(function () {
      client = makeClient();
      channel = client.channel;
    });
    addLog('quiet', 'long-poll ' + (longPoll ? 'on: the server holds each poll until there is news'
      : 'off: a poll every ' + interval / 1000 + ' s'));
    if (wasRunning) channel.start();
    showStatus();
  });

  sendForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var to = sendTo.value;
    var body = sendText.value;
    sendButton.disabled = true;
    var startedAt = Date.now();
    fetch(SEND_PATH + '?to=' + encodeURIComponent(to), {
      method: 'POST',
      headers: { 'X-Access-Token': token, 'Content-Type': 'text/plain; charset=utf-8' },
      body: body
    }).then(function (response) {
      return response.json().then(function (envelope) { return { status: response.status, envelope: envelope }; });
    }).then(function (answer) {
      if (answer.status === 200) {
        sendResult.className = 'hint sent';
        sendResult.textContent = 'sent #' + answer.envelope.data.id + ' to ' + to + ' in ' + (Date.now() - startedAt) +
          ' ms' + (to === token.replace('demo-', '') ? ': watch it arrive below' : ': switch to ' + to + ' to see it');
        sendText.value = '';
      } else {
        sendResult.className = 'hint failed';
        sendResult.textContent = 'HTTP ' + answer.status + ': ' + answer.envelope.msg;
      }
    }, function (error) {
      sendResult.className = 'hint failed';
      sendResult.textContent = 'not sent: ' + error.message;
    }).then(function () {
      showSendBox();
    });
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
  if (token) sendTo.value = token.replace('demo-', '');
  showRequest();
  renderMessages();
  showSendBox();
  liveRoom.open(params.get('room'));
  channel.start();
  showStatus();
})();
