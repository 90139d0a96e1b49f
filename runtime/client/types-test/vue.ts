// The Vue composables in a uni-app / Taro-Vue page, type-checked against types/vue.d.ts.
import { createClient } from 'appmessage-client';
import { useAppMessage, useAppMessages, useTopic } from 'appmessage-client/vue';
import type { ShallowRef } from 'vue';

type Keys = { order_status: { order_no: string; status: string }; flash_sale: { remaining: number } };
const client = createClient<Keys>({ url: '/api/message/index' });

const status = useAppMessage('order_status', { client });
const orderNo: string | undefined = status.value?.order_no;
const sale: ShallowRef<{ remaining: number } | undefined> = useAppMessage('flash_sale', { client });
// @ts-expect-error not a key of this client
useAppMessage('nope', { client });
const untyped = useAppMessage<number>('cart_count');
const count: number | undefined = untyped.value;
const inbox = useAppMessages<{ text: string }>({ limit: 10 });
const room = useTopic<{ from: string; text: string }>('live:42', { client, limit: 100 });
console.log(orderNo, sale.value?.remaining, count, inbox.value.map((m) => m.data.text), room.value.map((m) => m.topic + m.data.from));
