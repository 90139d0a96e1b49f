// The live room of the demo page: a topic, live:<room>, that everyone may read. Joining is
// client.subscribe('live:<room>', cb): from then on every poll carries the topic (a held long-poll is
// asked again at once), and each line reaches the listener once, whatever the retries and restarts.
// Saying a line is POST /api/live/<room> with the text as the body, as a logged-in demo user.
//
//   var room = DemoLiveRoom({ client: () => client, user: () => 'alice', token: () => 'demo-alice', log: addLog });
//   room.open('42');          // join at once (or null: wait for the Join button)
//   room.userChanged();       // another demo user: the lines start again
//   room.moveTo(swapClient);  // a new client (long-poll switched): leave on the old one, join on the new one
(function () {
  'use strict';

  var LIVE_PATH = '/api/live/';
  var MAX_LINES = 100;

  function clock(date) {
    return [date.getHours(), date.getMinutes(), date.getSeconds()]
      .map(function (n) { return (n < 10 ? '0' : '') + n; }).join(':');
  }

  window.DemoLiveRoom = function (page) {
    var $ = function (id) { return document.getElementById(id); };
    var joinForm = $('live-join-form');
    var roomInput = $('live-room');
    var joinButton = $('live-join');
    var list = $('live-lines');
    var sayForm = $('live-form');
    var sayText = $('live-text');
    var sayButton = $('live-send');
    var status = $('live-status');

    var room = null; // the joined room, null: none
    var leaveTopic = null; // unsubscribes the room's listener
    var lines = []; // oldest first
    var followed = null; // the client whose topic events we follow

    function render() {
      list.textContent = '';
      if (lines.length === 0) {
        var empty = document.createElement('li');
        empty.className = 'empty';
        empty.textContent = room === null ? 'join the room to see its lines' : 'no lines yet in live:' + room + ': say something';
        list.appendChild(empty);
      }
      lines.forEach(function (message) {
        var data = message.data && typeof message.data === 'object' ? message.data : { text: message.data };
        var item = document.createElement('li');
        item.dataset.id = String(message.id);
        if (data.from && data.from === page.user()) item.className = 'mine';
        var meta = document.createElement('div');
        meta.className = 'meta';
        meta.textContent = (data.from || 'someone') + ' · ' + clock(new Date(data.sent_at || message.sent_at)) + ' · #' + message.id;
        var body = document.createElement('div');
        body.className = 'text';
        body.textContent = typeof data.text === 'string' ? data.text : JSON.stringify(message.data); // never innerHTML
        item.appendChild(meta);
        item.appendChild(body);
        list.appendChild(item);
      });
      list.scrollTop = list.scrollHeight;
    }

    function show(note, className) {
      var canSay = room !== null && Boolean(page.token());
      sayText.disabled = !canSay;
      sayButton.disabled = !canSay;
      joinButton.textContent = room === null ? 'Join' : 'Leave';
      roomInput.disabled = room !== null;
      $('live-topic').textContent = 'live:' + (room === null ? roomInput.value : room);
      if (note !== undefined) {
        status.className = 'hint ' + (className || '');
        status.textContent = note;
      } else if (room !== null && !page.token()) {
        status.className = 'hint';
        status.textContent = 'reading live:' + room + ' anonymously; pick a demo user above to say something';
      }
    }

    function follow(client) {
      if (followed === client) return;
      followed = client;
      client.onTopicRefused(function (info) {
        if (followed !== client) return;
        show('the server refused ' + info.topic + ': not asked for again until the next start', 'failed');
        page.log('fail', 'topic refused: ' + info.topic);
      });
      client.onTopicReset(function (info) {
        if (followed !== client || info.topic !== 'live:' + room) return;
        // its history no longer reaches our cursor: what follows is all the server still has
        lines = [];
        render();
        page.log('quiet', info.topic + ': history trimmed past our place (recovered: false), lines refreshed');
      });
    }

    function join(name) {
      var client = page.client();
      follow(client);
      try {
        leaveTopic = client.subscribe('live:' + name, function (message) {
          lines = lines.concat([message]).slice(-MAX_LINES);
          render();
        });
      } catch (error) {
        show('cannot join "' + name + '": ' + error.message, 'failed');
        return false;
      }
      room = name;
      lines = [];
      render();
      show('joined live:' + name + (page.token() ? '' : ' (anonymous: reading only)'), 'sent');
      page.log('quiet', 'joined live:' + name);
      return true;
    }

    function leave() {
      if (leaveTopic) leaveTopic();
      leaveTopic = null;
      page.log('quiet', 'left live:' + room);
      room = null;
      lines = [];
      render();
      show('left the room', '');
    }

    joinForm.addEventListener('submit', function (e) {
      e.preventDefault();
      if (room === null) join(roomInput.value.trim());
      else leave();
    });

    sayForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var line = sayText.value;
      if (!line.trim() || room === null) return;
      sayButton.disabled = true;
      fetch(LIVE_PATH + encodeURIComponent(room), {
        method: 'POST',
        headers: { 'X-Access-Token': page.token(), 'Content-Type': 'text/plain; charset=utf-8' },
        body: line
      }).then(function (response) {
        return response.json().then(function (envelope) { return { status: response.status, envelope: envelope }; });
      }).then(function (answer) {
        if (answer.status === 200) {
          sayText.value = '';
          show('said #' + (answer.envelope.data && answer.envelope.data.id) + ' to live:' + room, 'sent');
        } else {
          show('HTTP ' + answer.status + ': ' + answer.envelope.msg, 'failed');
        }
      }, function (error) {
        show('not said: ' + error.message, 'failed');
      }).then(function () {
        show();
        sayText.focus();
      });
    });

    return {
      open: function (name) {
        if (name) {
          roomInput.value = name;
          join(name);
        } else {
          render();
          show();
        }
      },
      userChanged: function () {
        lines = [];
        render();
        show(room === null ? '' : 'now in live:' + room + ' as ' + (page.user() || 'anonymous'), '');
      },
      moveTo: function (swapClient) {
        var joined = room;
        if (leaveTopic) leaveTopic(); // the old client's listener must not see the new client's answers
        leaveTopic = null;
        room = null;
        swapClient();
        follow(page.client());
        if (joined !== null) join(joined);
      }
    };
  };
})();
