'use strict';
// Long-poll (issue 7, item 4 and "the client in Node against the real server"): the mini-program client
// (appmessage-client, fetch transport) against the REAL example jar, long-poll on, then the same client
// against a jar started with APPMESSAGE_LONG_POLL=false.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startExampleServer, sendDemoMessage, waitFor, sleep } = require('../support/example-server');

const { createEventBus, MessageChannel, resolvePlatform, memoryStorage } = require('appmessage-client');

const WAIT_S = 20; // what the client asks for; the server's cap is 25 s
const ARRIVES_WELL_BEFORE_MS = 5000; // a held poll woken by a send, versus 20 s if nothing wakes it
const HELD_SETTLE_MS = 300; // let the request reach the server and be held (Node cannot read heldPolls)

/**
 * A channel as app.js builds it with `longPoll: true`, transport wrapped to time every request: when it
 * left, when it settled and how (`answered` or the error kind, e.g. 'abort').
 */
function openLongPoll(url, options = {}) {
  const event = createEventBus();
  const fetchTransport = resolvePlatform({}).transport;
  const requests = [];
  const transport = (request) => {
    const entry = { url: request.url, sentAt: Date.now(), settledAt: null, outcome: null, envelope: null };
    requests.push(entry);
    const call = fetchTransport(request);
    call.promise.then(
      (response) => Object.assign(entry, { settledAt: Date.now(), outcome: 'answered', envelope: response.data }),
      (error) => Object.assign(entry, { settledAt: Date.now(), outcome: error.kind }));
    return call;
  };
  const channel = new MessageChannel({
    url, bus: event, storage: memoryStorage(), transport, accessToken: 'demo-bob', longPoll: true, wait: WAIT_S, ...options
  });
  const messages = [];
  const polls = [];
  event.on('app_message_response', false).then((envelope) => {
    envelope.messages.forEach((m) => messages.push({ ...m, receivedAt: Date.now() }));
  });
  event.on('app_message_poll', false).then((poll) => polls.push(poll));
  return { channel, requests, messages, polls };
}

const withText = (messages, text) => messages.filter((m) => m.key === 'demo_message' && m.data.text === text);

test('long-poll on_a send answers the held poll at once, the next poll leaves at once, onHide aborts, onShow resumes', async (t) => {
  const server = await startExampleServer();
  t.after(() => server.stop());
  const bob = openLongPoll(server.pollUrl); // interval stays 5000: a 5 s gap would show
  t.after(() => bob.channel.stop());

  bob.channel.start();
  // the first poll after start() asks no wait: handler data at once; the long-poll follows at once
  await waitFor(() => bob.requests.length === 2, 'the long-poll after the first answer');
  assert.doesNotMatch(bob.requests[0].url, /wait=/);
  assert.equal(bob.requests[0].envelope.data.order_status.user_id, 'bob');
  assert.ok(!('wait' in bob.requests[0].envelope), 'answered at once, not held');
  assert.match(bob.requests[1].url, new RegExp('[?&]wait=' + WAIT_S + '(&|$)'));
  await sleep(HELD_SETTLE_MS);
  assert.equal(bob.requests[1].outcome, null, 'nothing for bob yet: the server holds the poll');

  // 1. a send wakes the held poll
  const sentAt = Date.now();
  const sent = await sendDemoMessage(server, 'demo-alice', 'bob', 'long-poll hello');
  assert.equal(sent.status, 200);
  t.diagnostic(`POST /api/demo/send answered in ${Date.now() - sentAt} ms (the store's fsync included)`);
  await waitFor(() => withText(bob.messages, 'long-poll hello').length === 1, 'the message', ARRIVES_WELL_BEFORE_MS);
  const latency = withText(bob.messages, 'long-poll hello')[0].receivedAt - sentAt;
  t.diagnostic(`send -> listener through a held poll: ${latency} ms (POST included)`);
  assert.equal(bob.requests[1].outcome, 'answered');
  assert.equal(bob.requests[1].envelope.wait, WAIT_S, 'the server says it held the poll');
  assert.ok(latency < ARRIVES_WELL_BEFORE_MS);

  // 2. the next poll goes out as soon as the answer is handled, not an interval later
  await waitFor(() => bob.requests.length === 3, 'the next request', ARRIVES_WELL_BEFORE_MS);
  const gap = bob.requests[2].sentAt - bob.requests[1].settledAt;
  t.diagnostic(`answer -> next long-poll request: ${gap} ms (interval is 5000 ms)`);
  assert.ok(gap < 1000, `the next request left ${gap} ms after the answer`);
  assert.match(bob.requests[2].url, /[?&]cursor=/, 'the next poll acknowledges with the cursor');

  // 3. onHide aborts the held request and nothing more goes out
  await sleep(HELD_SETTLE_MS);
  assert.equal(bob.requests[2].outcome, null, 'the second poll is held');
  const pollEventsAtHide = bob.polls.length;
  bob.channel.onHide();
  await waitFor(() => bob.requests[2].outcome !== null, 'the held request to settle after onHide', 2000);
  assert.equal(bob.requests[2].outcome, 'abort');
  await sleep(1500);
  assert.equal(bob.requests.length, 3, 'no request while hidden');
  assert.equal(bob.polls.length, pollEventsAtHide, 'the abort is no answer and no error for the app');

  // 4. onShow polls again at once, and the new held poll is woken by the next send
  bob.channel.onShow();
  await waitFor(() => bob.requests.length === 5, 'the answer-first poll and the long-poll after onShow', 1000);
  await sleep(HELD_SETTLE_MS);
  const againAt = Date.now();
  await sendDemoMessage(server, 'demo-carol', 'bob', 'after onShow');
  t.diagnostic(`second POST answered in ${Date.now() - againAt} ms`);
  await waitFor(() => withText(bob.messages, 'after onShow').length === 1, 'the second message', ARRIVES_WELL_BEFORE_MS);
  t.diagnostic(`send -> listener after onShow: ${withText(bob.messages, 'after onShow')[0].receivedAt - againAt} ms`);
  assert.equal(withText(bob.messages, 'long-poll hello').length, 1, 'the first message was not shown twice');
});

test('long-poll switched off on the server_answers carry no wait and the client keeps its interval', async (t) => {
  const server = await startExampleServer({ APPMESSAGE_LONG_POLL: 'false' });
  t.after(() => server.stop());
  const INTERVAL = 300;
  const WINDOW_MS = 2400;
  const bob = openLongPoll(server.pollUrl, { interval: INTERVAL });
  t.after(() => bob.channel.stop());

  bob.channel.start();
  await sleep(WINDOW_MS);
  bob.channel.stop();
  const answered = bob.requests.filter((r) => r.outcome === 'answered');
  t.diagnostic(`${bob.requests.length} requests in ${WINDOW_MS} ms at a ${INTERVAL} ms interval`);

  assert.ok(answered.length >= 3, `only ${answered.length} answers`);
  // the answer-first poll, the long-poll right after it, then at most one per interval
  assert.ok(bob.requests.length <= Math.floor(WINDOW_MS / INTERVAL) + 2, `${bob.requests.length} requests`);
  assert.doesNotMatch(bob.requests[0].url, /wait=/);
  for (const request of answered.slice(1)) {
    assert.match(request.url, new RegExp('[?&]wait=' + WAIT_S), 'the client keeps asking, to notice when long-poll is on');
    assert.equal(request.envelope.code, 0);
    assert.ok(!('wait' in request.envelope), 'not held: no wait field');
  }
  for (let i = 2; i < bob.requests.length; i++) {
    const gap = bob.requests[i].sentAt - bob.requests[i - 1].settledAt;
    assert.ok(gap >= INTERVAL - 5, `request ${i} left ${gap} ms after the previous answer`);
  }
});
