// The short-poll rules of the channel, on fake timers
// with a transport the test answers by hand.
import test from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from '../src/channel.js';
import { createEventBus } from '../src/event.js';
import { flush, fakeTime, channelUnderTest, ENVELOPE, EMPTY } from '../test-support/fakes.js';

test('start_polls at once', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 1);
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index');
  assert.equal(manual.last().options.method, 'GET');
  channel.stop();
});

test('after each answer_the next poll goes out 5 s later', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  for (let i = 1; i <= 3; i++) {
    manual.last().answer(ENVELOPE);
    await flush();
    t.mock.timers.tick(4999);
    assert.equal(manual.calls.length, i, 'no poll before 5 s');
    t.mock.timers.tick(1);
    assert.equal(manual.calls.length, i + 1, 'a poll at 5 s');
  }
  channel.stop();
});

test('the interval setting_changes the cadence', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ interval: 2000 });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer(ENVELOPE);
  await flush();
  t.mock.timers.tick(2000);
  assert.equal(manual.calls.length, 2);
  channel.stop();
});

test('a slow answer_never leads to two requests in flight', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  t.mock.timers.tick(14000); // the server takes 14 s
  assert.equal(manual.calls.length, 1);
  channel.start(); // a second onShow while running changes nothing
  t.mock.timers.tick(0);
  assert.equal(manual.inFlight(), 1);
  assert.equal(manual.calls.length, 1);
  manual.last().answer(ENVELOPE);
  await flush();
  t.mock.timers.tick(5000);
  assert.equal(manual.calls.length, 2);
  assert.equal(manual.inFlight(), 1);
  channel.stop();
});

test('stop_cancels the next poll and aborts the open request', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer(ENVELOPE);
  await flush();
  channel.stop(); // onHide between polls
  t.mock.timers.tick(60000);
  assert.equal(manual.calls.length, 1);
  channel.start(); // onShow
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2, 'onShow polls at once');
  channel.stop(); // onHide during a request
  assert.equal(manual.last().aborted, true);
  await flush();
  assert.equal(events.app_message_error.length, 0);
  assert.equal(channel.isRunning(), false);
});

test('an answer with data_triggers app_message_response with the whole envelope', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer({ code: 0, msg: '', data: { test_msg: '测试消息', plugin_wxapp_test2: { list: ['aaa'] } } });
  await flush();
  assert.equal(events.app_message_response.length, 1);
  assert.deepEqual(events.app_message_response[0], {
    code: 0,
    msg: '',
    data: { test_msg: '测试消息', plugin_wxapp_test2: { list: ['aaa'] } },
    messages: []
  });
  channel.stop();
});

test('an answer with data null_triggers nothing but keeps polling', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer(EMPTY);
  await flush();
  assert.equal(events.app_message_response.length, 0);
  assert.equal(events.app_message_poll.length, 1);
  t.mock.timers.tick(5000);
  assert.equal(manual.calls.length, 2);
  channel.stop();
});

test('the original usage getApp().event.on(name, false).then_receives every push', async (t) => {
  fakeTime(t);
  const bus = createEventBus();
  const { channel, manual } = channelUnderTest({ bus });
  const received = [];
  bus.on('app_message_response', false).then((response) => received.push(response.data.test_msg));
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer(ENVELOPE);
  await flush();
  t.mock.timers.tick(5000);
  manual.last().answer(ENVELOPE);
  await flush();
  assert.deepEqual(received, ['测试消息', '测试消息']);
  channel.stop();
});

test('a throwing listener_does not stop the channel', async (t) => {
  fakeTime(t);
  const { channel, manual, bus } = channelUnderTest();
  bus.on('app_message_response', false).then(() => {
    throw new Error('page bug');
  });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer(ENVELOPE);
  await flush();
  t.mock.timers.tick(5000);
  assert.equal(manual.calls.length, 2);
  channel.stop();
});

for (const status of [404, 500, 502]) {
  test(`HTTP ${status} with an envelope_is an error with backoff, not a response`, async (t) => {
    fakeTime(t);
    const { channel, manual, events } = channelUnderTest({ random: () => 0 });
    channel.start();
    t.mock.timers.tick(0);
    // wx.request calls success for this too; the body even looks like an envelope
    manual.last().answer({ code: 1, msg: 'boom', data: { test_msg: 'x' } }, status);
    await flush();
    assert.equal(events.app_message_response.length, 0);
    assert.equal(events.app_message_error.length, 1);
    assert.equal(events.app_message_error[0].statusCode, status);
    assert.match(events.app_message_error[0].error.message, new RegExp('HTTP ' + status));
    channel.stop();
  });
}

test('a 200 with code not 0 or a body that is not JSON_is an error', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest({ random: () => 0 });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer({ code: 40001, msg: 'bad token', data: null });
  await flush();
  t.mock.timers.tick(2500);
  manual.last().answer('<html>proxy error</html>');
  await flush();
  assert.equal(events.app_message_error.length, 2);
  assert.match(events.app_message_error[0].error.message, /code 40001: bad token/);
  assert.match(events.app_message_error[1].error.message, /not a JSON envelope/);
  channel.stop();
});

test('consecutive failures_back off exponentially within the jitter bounds and reset on success', async (t) => {
  fakeTime(t);
  for (const [random, factor] of [[0, 0.5], [0.999999, 1]]) {
    const { channel, manual, events } = channelUnderTest({ random: () => random });
    channel.start();
    t.mock.timers.tick(0);
    const ceilings = [5000, 10000, 20000, 40000, 60000, 60000];
    for (let i = 0; i < ceilings.length; i++) {
      manual.last().fail('network', 'connection refused');
      await flush();
      const delay = events.app_message_error[i].delay;
      assert.equal(events.app_message_error[i].attempt, i + 1);
      assert.equal(delay, Math.round(ceilings[i] * factor), `attempt ${i + 1}`);
      assert.ok(delay >= ceilings[i] / 2 && delay <= ceilings[i]);
      t.mock.timers.tick(delay - 1);
      assert.equal(manual.calls.length, i + 1, 'not before the delay');
      t.mock.timers.tick(1);
      assert.equal(manual.calls.length, i + 2, 'at the delay');
    }
    manual.last().answer(ENVELOPE);
    await flush();
    t.mock.timers.tick(5000);
    manual.last().fail('network');
    await flush();
    assert.equal(events.app_message_error.at(-1).attempt, 1, 'success resets the count');
    channel.stop();
  }
});

test('jitter_spreads clients that failed together', async (t) => {
  fakeTime(t);
  const delays = new Set();
  for (const random of [0, 0.25, 0.5, 0.75]) {
    const { channel, manual, events } = channelUnderTest({ random: () => random });
    channel.start();
    t.mock.timers.tick(0);
    manual.last().fail('network');
    await flush();
    delays.add(events.app_message_error[0].delay);
    channel.stop();
  }
  assert.equal(delays.size, 4);
});

for (const status of [503, 429]) {
  test(`${status} with Retry-After_waits what the server asked`, async (t) => {
    fakeTime(t);
    const { channel, manual, events } = channelUnderTest({ random: () => 0 });
    channel.start();
    t.mock.timers.tick(0);
    manual.last().answer({ code: 503, msg: 'busy', data: null }, status, { 'retry-after': '30' });
    await flush();
    assert.equal(events.app_message_error[0].delay, 30000);
    t.mock.timers.tick(29999);
    assert.equal(manual.calls.length, 1);
    t.mock.timers.tick(1);
    assert.equal(manual.calls.length, 2);
    channel.stop();
  });
}

test('Retry-After jitter_only ever adds time', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest({ random: () => 0.999 });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer({ code: 503, msg: 'busy', data: null }, 503, { 'retry-after': '2' });
  await flush();
  const delay = events.app_message_error[0].delay;
  assert.ok(delay >= 2000 && delay <= 2400, String(delay));
  channel.stop();
});

test('a hide and show during Retry-After_still waits for it', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ random: () => 0 });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer({ code: 503, msg: 'busy', data: null }, 503, { 'retry-after': '10' });
  await flush();
  t.mock.timers.tick(4000);
  channel.stop();
  channel.start();
  t.mock.timers.tick(5999);
  assert.equal(manual.calls.length, 1);
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 2);
  channel.stop();
});

test('interrupted after onHide_is quiet: no error event, no backoff', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  const call = manual.last();
  channel.stop();
  call.fail('interrupted', 'request:fail interrupted'); // WeChat, after the thread resumes
  await flush();
  assert.equal(events.app_message_error.length, 0);
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2, 'onShow polls at once, no backoff');
  channel.stop();
});

test('interrupted while running_retries at the interval without an error event', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  manual.last().fail('interrupted', 'request:fail interrupted');
  await flush();
  assert.equal(events.app_message_error.length, 0);
  t.mock.timers.tick(5000);
  assert.equal(manual.calls.length, 2);
  channel.stop();
});

test('an answer to a request from before stop_is ignored after a new start', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  const old = manual.last();
  channel.stop();
  channel.start();
  t.mock.timers.tick(0);
  old.answer(ENVELOPE); // too late: ignored (it was aborted)
  manual.last().answer({ code: 0, msg: '', data: { fresh: 1 } });
  await flush();
  assert.deepEqual(events.app_message_response.map((e) => e.data), [{ fresh: 1 }]);
  channel.stop();
});

test('the access token_goes out as X-Access-Token, read on every poll', async (t) => {
  fakeTime(t);
  let token = 'demo-alice';
  const { channel, manual } = channelUnderTest({ accessToken: () => token });
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.last().options.header['X-Access-Token'], 'demo-alice');
  manual.last().answer(ENVELOPE);
  await flush();
  token = null; // logged out
  t.mock.timers.tick(5000);
  assert.equal('X-Access-Token' in manual.last().options.header, false);
  channel.stop();
});

test('a static access token and extra headers_are sent', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ accessToken: 'demo-bob', header: { 'X-Tenant': 't1' } });
  channel.start();
  t.mock.timers.tick(0);
  assert.deepEqual(manual.last().options.header, { 'X-Tenant': 't1', 'X-Access-Token': 'demo-bob' });
  channel.stop();
});

test('the request timeout_stays under 60 s', () => {
  const bus = createEventBus();
  const base = { url: 'http://x/api/message/index', bus, transport: () => {} };
  assert.equal(new MessageChannel(base).settings.requestTimeout, 15000);
  assert.equal(new MessageChannel({ ...base, requestTimeout: 120000 }).settings.requestTimeout, 55000);
  assert.equal(new MessageChannel({ ...base, longPoll: true }).settings.requestTimeout, 35000);
  const greedy = new MessageChannel({ ...base, longPoll: true, wait: 300 });
  assert.equal(greedy.settings.wait, 45);
  assert.equal(greedy.settings.requestTimeout, 55000);
});

test('a timeout_is an error with backoff', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.last().options.timeout, 15000);
  manual.last().fail('timeout', 'request:fail timeout');
  await flush();
  assert.equal(events.app_message_error.length, 1);
  channel.stop();
});

test('a transport that throws_is a failure, not a crash', async (t) => {
  fakeTime(t);
  const { channel, events } = channelUnderTest({
    transport: () => {
      throw new Error('invalid url');
    }
  });
  channel.start();
  t.mock.timers.tick(0);
  await flush();
  assert.equal(events.app_message_error.length, 1);
  assert.match(events.app_message_error[0].error.message, /invalid url/);
  channel.stop();
});

test('a listener that stops the channel_is obeyed', async (t) => {
  fakeTime(t);
  const { channel, manual, bus } = channelUnderTest();
  bus.on('app_message_response', true).then(() => channel.stop());
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer(ENVELOPE);
  await flush();
  t.mock.timers.tick(60000);
  assert.equal(manual.calls.length, 1);
});

test('missing url or bus_is a clear error', () => {
  assert.throws(() => new MessageChannel({ bus: createEventBus() }), /options.url/);
  assert.throws(() => new MessageChannel({ url: 'http://x' }), /options.bus/);
});
