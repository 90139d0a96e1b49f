// Long-poll on the client, on fake timers: the rule is documented on
// MessageChannel.prototype._delayAfterAnswer and in README "Long-poll".
import test from 'node:test';
import assert from 'node:assert/strict';
import { flush, fakeTime, channelUnderTest } from '../test-support/fakes.js';

const HELD = { code: 0, msg: '', data: { test_msg: '测试消息' }, wait: 25 };
const NOT_HELD = { code: 0, msg: '', data: { test_msg: '测试消息' } };

/** start() polls once without `wait` (handler data at once); answer it so the long-poll goes out. */
async function answerFirstPoll(t, manual) {
  t.mock.timers.tick(0);
  assert.doesNotMatch(manual.last().options.url, /wait=/, 'the first poll after start() asks no wait');
  manual.last().answer(NOT_HELD);
  await flush();
  t.mock.timers.tick(0);
}

test('long-poll_first poll after start is answered at once, then wait and a timeout of wait plus margin', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true });
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index');
  assert.equal(manual.last().options.timeout, 15000);
  manual.last().answer(NOT_HELD);
  await flush();
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2, 'the long-poll follows the first answer at once');
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index?wait=25');
  assert.equal(manual.last().options.timeout, 35000);
  channel.stop();
});

test('long-poll after onHide then onShow_the first poll is answered at once again', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true });
  channel.start();
  await answerFirstPoll(t, manual);
  assert.match(manual.last().options.url, /wait=25/);
  channel.stop();
  channel.start();
  t.mock.timers.tick(0);
  assert.doesNotMatch(manual.last().options.url, /wait=/, 'fresh handler data on onShow, not after a hold');
  channel.stop();
});

test('long-poll with a cursor_sends both', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true, wait: 20 });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().answer({ ...NOT_HELD, cursor: 'c9', messages: [] });
  await flush();
  t.mock.timers.tick(0);
  assert.equal(manual.last().options.url, 'https://shop.example.com/api/message/index?cursor=c9&wait=20');
  channel.stop();
});

test('short polling_sends no wait', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest();
  channel.start();
  t.mock.timers.tick(0);
  assert.doesNotMatch(manual.last().options.url, /wait=/);
  channel.stop();
});

test('an answer the server held_is followed by the next poll at once', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest({ longPoll: true });
  channel.start();
  t.mock.timers.tick(0);
  for (let i = 1; i <= 3; i++) {
    t.mock.timers.tick(25000); // the server holds for the whole wait
    manual.last().answer(HELD);
    await flush();
    t.mock.timers.tick(0);
    assert.equal(manual.calls.length, i + 1);
    assert.equal(manual.inFlight(), 1);
  }
  assert.equal(events.app_message_response.length, 3);
  channel.stop();
});

test('a held poll woken early by news_is also followed at once', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true });
  channel.start();
  t.mock.timers.tick(0);
  t.mock.timers.tick(30); // a message arrived 30 ms into the hold
  manual.last().answer({ ...HELD, messages: [{ id: 1, key: 'k', data: 1, sent_at: 1 }], cursor: 'c1' });
  await flush();
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2);
  channel.stop();
});

test('a server without long-poll (no wait in the answer)_gets the 5 s interval', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true });
  channel.start();
  await answerFirstPoll(t, manual);
  manual.last().answer(NOT_HELD); // answered at once, as an old or long-poll-off server does
  await flush();
  t.mock.timers.tick(4999);
  assert.equal(manual.calls.length, 2);
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 3);
  assert.match(manual.last().options.url, /wait=25/, 'keeps asking, so a server switched on later is used');
  channel.stop();
});

test('a server answering wait 0_gets the 5 s interval', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true });
  channel.start();
  await answerFirstPoll(t, manual);
  manual.last().answer({ ...NOT_HELD, wait: 0 });
  await flush();
  t.mock.timers.tick(4999);
  assert.equal(manual.calls.length, 2);
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 3);
  channel.stop();
});

test('a server that claims to hold but answers at once_cannot make the client spin', async (t) => {
  fakeTime(t);
  const { channel, manual } = channelUnderTest({ longPoll: true, fastAnswerLimit: 10 });
  channel.start();
  await answerFirstPoll(t, manual);
  for (let i = 1; i <= 9; i++) {
    manual.last().answer(HELD); // 0 ms each
    await flush();
    t.mock.timers.tick(0);
    assert.equal(manual.calls.length, i + 2);
  }
  manual.last().answer(HELD); // the 10th quick answer in a row
  await flush();
  t.mock.timers.tick(4999);
  assert.equal(manual.calls.length, 11, 'paused for one interval');
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 12);
  channel.stop();
});

test('onHide_aborts the held request and stops quietly', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest({ longPoll: true });
  channel.start();
  t.mock.timers.tick(0);
  t.mock.timers.tick(10000); // held
  channel.stop();
  assert.equal(manual.last().aborted, true);
  await flush();
  t.mock.timers.tick(120000);
  assert.equal(manual.calls.length, 1);
  assert.equal(events.app_message_error.length, 0);
  channel.start();
  t.mock.timers.tick(0);
  assert.equal(manual.calls.length, 2, 'onShow holds a new poll at once');
  channel.stop();
});

test('long-poll errors_back off with jitter instead of looping', async (t) => {
  fakeTime(t);
  const { channel, manual, events } = channelUnderTest({ longPoll: true, random: () => 0 });
  channel.start();
  t.mock.timers.tick(0);
  manual.last().fail('network', 'connection reset');
  await flush();
  assert.equal(events.app_message_error[0].delay, 2500);
  t.mock.timers.tick(2499);
  assert.equal(manual.calls.length, 1);
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 2);
  manual.last().answer({ code: 0, msg: 'busy', data: null }, 503, { 'retry-after': '7' });
  await flush();
  t.mock.timers.tick(6999);
  assert.equal(manual.calls.length, 2);
  t.mock.timers.tick(1);
  assert.equal(manual.calls.length, 3);
  channel.stop();
});
