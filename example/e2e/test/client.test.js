'use strict';
// The mini-program client (appmessage-client from runtime/client, fetch transport as Node picks it) against
// the REAL example server (java -jar example/app/target/appmessage-example.jar) over real HTTP.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startExampleServer, waitFor, sleep } = require('../support/example-server');

const { createEventBus, MessageChannel, resolvePlatform, memoryStorage } = require('appmessage-client');

const INTERVAL = 200; // ms: short, so the stop/resume checks take a second, not 15

/**
 * A channel as app.js builds it, listening the seed's way. The transport is the one the client picks
 * by itself in Node (fetch), wrapped only to count the requests that leave the client.
 */
function openChannel(url, options = {}) {
  const event = createEventBus();
  const fetchTransport = resolvePlatform({}).transport;
  const sent = [];
  const transport = (request) => {
    sent.push(request);
    return fetchTransport(request);
  };
  const channel = new MessageChannel({ url, bus: event, interval: INTERVAL, storage: memoryStorage(), transport, ...options });
  const responses = [];
  const errors = [];
  event.on('app_message_response', false).then((envelope) => responses.push(envelope));
  event.on('app_message_error', false).then((error) => errors.push(error));
  return { channel, responses, errors, sent };
}

let server;
test.before(async () => {
  server = await startExampleServer();
});
test.after(async () => {
  if (server) await server.stop();
});

test('anonymous poll_listeners receive the seed keys and the plugin keys, no order_status', async (t) => {
  const { channel, responses } = openChannel(server.pollUrl);
  t.after(() => channel.stop());
  channel.start();
  await waitFor(() => responses.length >= 1, 'the first app_message_response');
  const { code, data } = responses[0];
  assert.equal(code, 0);
  assert.equal(data.test_msg, '测试消息');
  assert.equal(data.plugin_wxapp_test, '测试插件消息');
  assert.deepEqual(data.plugin_wxapp_test2, { list: ['aaa', 'bbb', 'ccc'] });
  assert.deepEqual(Object.keys(data.buy_data).sort(), ['avatar', 'goods_name', 'nickname', 'time_ago']);
  assert.equal(typeof data.flash_sale.remaining, 'number');
  assert.ok(!('order_status' in data), 'anonymous polls get no order_status');
});

test('token in X-Access-Token_listeners receive that user order_status', async (t) => {
  let token = 'demo-alice';
  const { channel, responses } = openChannel(server.pollUrl, { accessToken: () => token });
  t.after(() => channel.stop());
  channel.start();
  await waitFor(() => responses.length >= 1, 'alice\'s first response');
  assert.deepEqual(responses[0].data.order_status, { user_id: 'alice', order_no: 'A-1001', status: 'shipped' });

  // another user on the same device: forget the cursor, poll again with the new token
  token = 'demo-bob';
  channel.resetCursor();
  channel.restart();
  await waitFor(() => responses.some((r) => r.data.order_status && r.data.order_status.user_id === 'bob'), 'bob\'s order');
  const bob = responses.find((r) => r.data.order_status.user_id === 'bob');
  assert.deepEqual(bob.data.order_status, { user_id: 'bob', order_no: 'B-2002', status: 'paid' });
});

test('token in access_token query_listeners receive that user order_status', async (t) => {
  const { channel, responses } = openChannel(server.pollUrl + '?access_token=demo-carol');
  t.after(() => channel.stop());
  channel.start();
  await waitFor(() => responses.length >= 2, 'two responses (the second with & appended to the query)');
  for (const response of responses.slice(0, 2)) {
    assert.deepEqual(response.data.order_status, { user_id: 'carol', order_no: 'C-3003', status: 'delivered' });
  }
});

test('unknown token_is a 401 error for the app, never a response', async (t) => {
  const { channel, responses, errors } = openChannel(server.pollUrl, { accessToken: 'demo-mallory' });
  t.after(() => channel.stop());
  channel.start();
  await waitFor(() => errors.length >= 1, 'app_message_error');
  channel.stop();
  assert.equal(errors[0].statusCode, 401);
  assert.equal(responses.length, 0);
});

test('onHide then onShow_requests stop while hidden and resume at once when shown', async (t) => {
  const { channel, responses, sent } = openChannel(server.pollUrl);
  t.after(() => channel.stop());
  channel.onShow();
  await waitFor(() => responses.length >= 3, 'three responses while shown');

  channel.onHide();
  const sentAtHide = sent.length;
  const answeredAtHide = responses.length;
  await sleep(INTERVAL * 5); // five intervals with no request
  assert.equal(sent.length, sentAtHide, 'no request while hidden');
  assert.equal(responses.length, answeredAtHide, 'no response while hidden');

  channel.onShow();
  // onShow polls at once (a zero-delay timer set before ours), it does not wait an interval first
  await sleep(0);
  assert.equal(sent.length, sentAtHide + 1, 'one request right after onShow');
  await waitFor(() => responses.length > answeredAtHide, 'a response after onShow');
  await waitFor(() => responses.length >= answeredAtHide + 3, 'polling resumed at the interval');
});

test('wxapp plugin switched off_its keys are gone, the app keys stay', async (t) => {
  const noPlugin = await startExampleServer({ APPMESSAGE_DISABLED_PLUGINS: 'wxapp' });
  t.after(() => noPlugin.stop());
  const { channel, responses } = openChannel(noPlugin.pollUrl);
  t.after(() => channel.stop());
  channel.start();
  await waitFor(() => responses.length >= 1, 'a response from the server without the plugin');
  const { data } = responses[0];
  assert.equal(data.test_msg, '测试消息');
  assert.ok(!('plugin_wxapp_test' in data) && !('plugin_wxapp_test2' in data), JSON.stringify(data));
});
