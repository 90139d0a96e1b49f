// A native WeChat mini-program in TypeScript (types from miniprogram-api-typings): the seed's
// getApp().event API and the per-key API, type-checked against types/index.d.ts.
import { createClient, EventBus, EVENTS, type Envelope, type TargetedMessage } from 'appmessage-client';

interface OrderStatus {
  user_id: string;
  order_no: string;
  status: 'paid' | 'shipped';
}
type Keys = { order_status: OrderStatus; test_msg: string };

const client = createClient<Keys>({
  url: 'https://shop.example.com/api/message/index',
  platform: 'wx',
  api: wx,
  longPoll: true,
  accessToken: () => wx.getStorageSync<string>('access_token') || null
});

App<{ event: EventBus }>({
  event: client.event,
  onShow() {
    client.start();
  },
  onHide() {
    client.stop();
  }
});

// the seed's usage, unchanged
getApp<{ event: EventBus }>().event.on('app_message_response', false).then((response) => {
  const envelope: Envelope = response;
  console.log(envelope.data, response.messages.map((m) => m.key));
});

const off = client.on('order_status', (status, envelope) => {
  const shipped: boolean = status.status === 'shipped';
  console.log(shipped, envelope.cursor);
});
off();
client.on('test_msg', (text) => text.toUpperCase());
// @ts-expect-error a key the app did not declare
client.on('no_such_key', () => {});

client.onMessage<{ order_no: string }>((message: TargetedMessage<{ order_no: string }>) => message.data.order_no.length);
client.onReset((envelope) => envelope.recovered === false);
client.onError(({ error, delay }) => console.log(error.kind, delay));
const latest: OrderStatus | undefined = client.latest('order_status');
const name: 'app_message_response' = EVENTS.RESPONSE;
console.log(latest, name, client.platform);

// other hosts
createClient({ url: 'https://shop.example.com/api/message/index', platform: 'my' });
// @ts-expect-error not a platform
createClient({ url: 'https://shop.example.com/api/message/index', platform: 'ios' });

// topics: a live room's lines, each once; refusals and resets name the topic
interface ChatLine {
  from: string;
  text: string;
}
const leave = client.subscribe<ChatLine>('live:42', (message, envelope) => {
  const topic: string = message.topic;
  console.log(topic, message.data.text.length, message.data.from, envelope.cursor);
});
leave();
client.onTopicRefused(({ topic, envelope }) => console.log(topic, envelope.refused_topics));
client.onTopicReset(({ topic }) => console.log(topic));
const subscribed: string[] = client.topics();
client.channel.setTopics(['live:42', 'all']);
const sent: string[] = client.channel.topics();
const refusedEvent: 'app_message_topic_refused' = EVENTS.TOPIC_REFUSED;
getApp<{ event: EventBus }>().event.on('app_message_topic_reset', false).then((event) => event.topic.length);
createClient({ url: 'https://shop.example.com/api/message/index', maxTopics: 5, maxTopicIds: 100 });
// @ts-expect-error a callback is required
client.subscribe('live:42');
console.log(subscribed, sent, refusedEvent);
