/*
 * Vue 3 composables (uni-app, Taro-Vue, plain Vue): `import { useAppMessage } from 'appmessage-client/vue'`.
 * They take `vue` from the app (a peer dependency), so the app's own reactivity is used.
 *
 *   const status = useAppMessage('order_status');   // Ref: the latest value pushed under the key
 *   const inbox = useAppMessages();                  // Ref<Array>: targeted messages, newest first
 *   const room = useTopic('live:42');                // Ref<Array>: the room's messages, newest first
 *
 * Each listens on the default client (the first createClient()) or on `options.client`, and stops
 * listening when the component unmounts.
 */
import { shallowRef, onUnmounted, getCurrentInstance } from 'vue';
import { getDefaultClient } from './client.js';

function clientOf(options) {
  var client = (options && options.client) || getDefaultClient();
  if (!client) throw new Error('useAppMessage: call createClient({ url }) first, or pass { client }');
  return client;
}

function untilUnmounted(off) {
  if (getCurrentInstance()) onUnmounted(off);
  return off;
}

/** @returns a shallow Ref with the latest data pushed under `key` (undefined until one arrives). */
function useAppMessage(key, options) {
  var client = clientOf(options);
  var value = shallowRef(client.latest(key));
  untilUnmounted(client.on(key, function (data) {
    value.value = data;
  }));
  return value;
}

/** @returns a shallow Ref of the targeted messages received while mounted, newest first (at most `limit`, default 50). */
function useAppMessages(options) {
  var client = clientOf(options);
  var limit = (options && options.limit) || 50;
  var list = shallowRef([]);
  var offMessage = client.onMessage(function (message) {
    list.value = [message].concat(list.value).slice(0, limit);
  });
  var offReset = client.onReset(function () {
    list.value = [];
  });
  untilUnmounted(function () {
    offMessage();
    offReset();
  });
  return list;
}

/**
 * Subscribes to `topic` while mounted. @returns a shallow Ref of the topic's messages received
 * meanwhile, newest first (at most `limit`, default 50), emptied when the topic's history no longer
 * reaches the cursor (what follows is all the server still has).
 */
function useTopic(topic, options) {
  var client = clientOf(options);
  var limit = (options && options.limit) || 50;
  var list = shallowRef([]);
  var leave = client.subscribe(topic, function (message) {
    list.value = [message].concat(list.value).slice(0, limit);
  });
  var offReset = client.onTopicReset(function (event) {
    if (event.topic === topic) list.value = [];
  });
  untilUnmounted(function () {
    leave();
    offReset();
  });
  return list;
}

export { useAppMessage, useAppMessages, useTopic };
