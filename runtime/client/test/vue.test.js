// The Vue composables with real Vue 3: refs that follow the client, listeners removed when the
// component unmounts (a custom renderer mounts it in Node, no DOM needed).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRenderer, defineComponent, h } from 'vue';
import { useAppMessage, useAppMessages, useTopic } from '../src/vue.js';
import { createClient, setDefaultClient, memoryStorage } from '../src/index.js';
import { manualTransport, flush } from '../test-support/fakes.js';

function clientOnManualTransport() {
  const manual = manualTransport();
  const client = createClient({ url: 'https://shop.example.com/api/message/index', transport: manual.transport, storage: memoryStorage() });
  return { client, manual };
}

async function answer(manual, envelope) {
  manual.last().answer(envelope);
  await flush();
}

/** Mounts a component in memory; returns unmount(). */
function mount(setup) {
  const nodeOps = {
    createElement: (tag) => ({ tag, children: [] }),
    createText: (text) => ({ text }),
    createComment: (text) => ({ text }),
    setText() {},
    setElementText() {},
    insert(child, parent) {
      parent.children.push(child);
    },
    remove() {},
    parentNode: () => null,
    nextSibling: () => null,
    patchProp() {}
  };
  const app = createRenderer(nodeOps).createApp(defineComponent({ setup: () => { setup(); return () => h('div'); } }));
  app.mount({ tag: 'root', children: [] });
  return () => app.unmount();
}

test('useAppMessage_follows the latest value of its key', async (t) => {
  const { client, manual } = clientOnManualTransport();
  t.after(() => client.stop());
  const status = useAppMessage('order_status', { client });
  assert.equal(status.value, undefined);
  client.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await answer(manual, { code: 0, msg: '', data: { order_status: { status: 'paid' }, test_msg: 'x' } });
  assert.deepEqual(status.value, { status: 'paid' });
  const later = useAppMessage('order_status', { client });
  assert.deepEqual(later.value, { status: 'paid' }, 'a composable created later starts from the latest value');
});

test('useAppMessage in a component_stops listening on unmount', async (t) => {
  const { client, manual } = clientOnManualTransport();
  t.after(() => client.stop());
  setDefaultClient(client);
  t.after(() => setDefaultClient(null));
  const before = client.event.listenerCount('app_message_response');
  let status;
  let inbox;
  const unmount = mount(() => {
    status = useAppMessage('order_status');
    inbox = useAppMessages();
  });
  assert.equal(client.event.listenerCount('app_message_response'), before + 2);
  client.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await answer(manual, {
    code: 0, msg: '', data: { order_status: 'shipped' },
    messages: [{ id: 1, key: 'k', data: 'one', sent_at: 1 }, { id: 2, key: 'k', data: 'two', sent_at: 2 }], cursor: 'e-2'
  });
  assert.equal(status.value, 'shipped');
  assert.deepEqual(inbox.value.map((m) => m.id), [2, 1], 'newest first');
  unmount();
  assert.equal(client.event.listenerCount('app_message_response'), before);
  assert.equal(client.event.listenerCount('app_message_reset'), 0);
});

test('useAppMessages_clears the list when the server lost the cursor', async (t) => {
  const { client, manual } = clientOnManualTransport();
  t.after(() => client.stop());
  const inbox = useAppMessages({ client, limit: 2 });
  client.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await answer(manual, { code: 0, msg: '', data: null, messages: [1, 2, 3].map((id) => ({ id, key: 'k', data: id, sent_at: id })), cursor: 'e-3' });
  assert.deepEqual(inbox.value.map((m) => m.id), [3, 2], 'at most limit');
  client.restart();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await answer(manual, { code: 0, msg: '', data: null, messages: [], cursor: 'f-0', recovered: false });
  assert.deepEqual(inbox.value, []);
});

test('useTopic in a component_subscribes while mounted, lists the room newest first, empties on a topic reset', async (t) => {
  const { client, manual } = clientOnManualTransport();
  t.after(() => client.stop());
  let room;
  let inbox;
  const unmount = mount(() => {
    room = useTopic('live:42', { client, limit: 2 });
    inbox = useAppMessages({ client });
  });
  assert.deepEqual(client.topics(), ['live:42']);
  client.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.match(manual.last().options.url, /topics=live%3A42/);
  const line = (id) => ({ id, key: 'live_chat', data: { text: 'line ' + id }, sent_at: id, topic: 'live:42' });
  await answer(manual, { code: 0, msg: '', data: null, messages: [line(1), line(2), line(3), { id: 1, key: 'k', data: 'me', sent_at: 1 }], cursor: 'e-3' });
  assert.deepEqual(room.value.map((m) => m.id), [3, 2], 'newest first, at most limit');
  assert.deepEqual(inbox.value.map((m) => m.data), ['me'], 'the inbox holds personal messages only');
  client.restart();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await answer(manual, { code: 0, msg: '', data: null, messages: [], cursor: 'e-3', topics: { 'live:42': { recovered: false } } });
  assert.deepEqual(room.value, []);
  unmount();
  assert.deepEqual(client.topics(), [], 'unmounting leaves the topic');
  assert.equal(client.event.listenerCount('app_message_topic_reset'), 0);
});

test('useAppMessage without a client_says to create one', () => {
  setDefaultClient(null);
  assert.throws(() => useAppMessage('x'), /call createClient\(\{ url \}\) first/);
});
