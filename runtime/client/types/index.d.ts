// Types of appmessage-client. The wire format is the AppMessage envelope:
// {"code":0,"msg":"","data":{key: value, …}|null,"messages":[…],"cursor":"…","recovered":false,"wait":25,
//  "topics":{"live:42":{"recovered":false}},"refused_topics":["vip:1"]}

/** Handler data of one poll, by key (`push(key, data)` on the server). */
export type AppMessageData = Record<string, unknown>;

/** A targeted message (outbox.send) or a topic message (outbox.publish); delivered to listeners once. */
export interface TargetedMessage<T = unknown> {
  id: number | string;
  key: string;
  data: T;
  sent_at: number;
  /** set on topic messages, absent on personal ones */
  topic?: string;
}

/** What `app_message_response` listeners receive; `messages` holds only messages not delivered before. */
export interface Envelope<D extends AppMessageData = AppMessageData> {
  code: number;
  msg: string;
  data: D | null;
  messages: TargetedMessage[];
  cursor?: string;
  recovered?: boolean;
  wait?: number;
  /** only topics whose history no longer reaches the cursor */
  topics?: Record<string, { recovered: boolean }>;
  /** subscribed topics the server refused */
  refused_topics?: string[];
  [field: string]: unknown;
}

/** Payload of app_message_topic_reset and app_message_topic_refused. */
export interface TopicEvent {
  topic: string;
  envelope: Envelope;
}

export interface PollError {
  error: TransportError;
  statusCode: number | null;
  attempt: number;
  delay: number;
}

export interface PollRecord {
  ok: boolean;
  statusCode: number | null;
  elapsed: number;
  envelope?: Envelope;
  error?: TransportError;
  delay: number;
  quiet?: boolean;
}

export interface TransportError extends Error {
  kind: 'abort' | 'interrupted' | 'timeout' | 'network' | 'http';
  statusCode?: number;
  cause?: unknown;
}

/** Payload of each event the channel triggers on the bus. */
export interface AppMessageEvents {
  app_message_response: Envelope;
  app_message_reset: Envelope;
  app_message_error: PollError;
  app_message_poll: PollRecord;
  app_message_topic_reset: TopicEvent;
  app_message_topic_refused: TopicEvent;
}

export interface Subscription {
  off(): void;
}

/** What `event.on(name, removeTrigger)` returns: `.then(cb)` registers cb. */
export interface Trigger<T> {
  then(cb: (payload: T) => void): Subscription;
}

export interface EventBusOptions {
  /** where a throwing listener is reported (default console.error); the others still run */
  onListenerError?: (error: unknown, name: string) => void;
}

/** The original event system: `getApp().event.on('app_message_response', false).then(cb)`. */
export declare class EventBus {
  constructor(options?: EventBusOptions);
  on<K extends keyof AppMessageEvents>(name: K, removeTrigger?: boolean): Trigger<AppMessageEvents[K]>;
  on(name: string, removeTrigger?: boolean): Trigger<any>;
  off(name: string, cb?: (payload: any) => void): number;
  trigger(name: string, payload?: unknown): number;
  listenerCount(name: string): number;
}
export declare function createEventBus(options?: EventBusOptions): EventBus;

/** A request as the channel makes it. */
export interface TransportRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  timeout: number;
}
/** An answer: any HTTP status; header names lower-cased; data parsed JSON, or the text. */
export interface TransportResponse {
  statusCode: number;
  header: Record<string, string>;
  data: unknown;
}
export interface TransportCall {
  promise: Promise<TransportResponse>;
  abort(): void;
}
export type Transport = (request: TransportRequest) => TransportCall;

/** Where the cursor and delivered ids are kept; values are JSON-able. */
export interface Storage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export type PlatformName = 'wx' | 'qq' | 'uni' | 'taro' | 'my' | 'tt' | 'swan' | 'web';

/** The part of a mini-program host's API the client uses (wx, qq, uni, Taro, my, tt, swan). */
export interface MiniProgramApi {
  request(options: any): any;
  getStorageSync?(key: any): any;
  setStorageSync?(key: any, data?: any): any;
  removeStorageSync?(key: any): any;
}
/** For platform 'web': an injected fetch (e.g. in Node), its AbortController and a localStorage. */
export interface WebApi {
  fetch: (input: string, init?: any) => Promise<any>;
  AbortController?: new () => { signal: any; abort(): void };
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
}

export interface ChannelOptions {
  /** the poll endpoint, e.g. 'https://shop.example.com/api/message/index' */
  url: string;
  /** ms from one answer to the next short poll (default 5000) */
  interval?: number;
  /** ask the server to hold polls (default false) */
  longPoll?: boolean;
  /** seconds a long-poll may be held, 1..45 (default 25) */
  wait?: number;
  /** ms; default 15000, long-poll wait·1000 + longPollMargin; never above 55000 */
  requestTimeout?: number;
  longPollMargin?: number;
  /** sent as X-Access-Token; a function is read on every poll */
  accessToken?: string | null | (() => string | null | undefined);
  header?: Record<string, string>;
  method?: 'GET' | 'POST';
  backoffBase?: number;
  backoffCap?: number;
  fastAnswerMs?: number;
  fastAnswerLimit?: number;
  storageKey?: string;
  /** delivered personal ids remembered (default 500) */
  maxSeenIds?: number;
  /** delivered ids remembered per topic (default 200) */
  maxTopicIds?: number;
  /** topics one poll may carry: the server's maxTopicsPerPoll (default 16); topic ids are kept for twice as many */
  maxTopics?: number;
  /** default: detected (uni, taro, qq, wx, my, tt, swan globals, else web) */
  platform?: PlatformName;
  /** the platform's API object, e.g. Taro (default its global) */
  api?: MiniProgramApi | WebApi;
  transport?: Transport;
  storage?: Storage;
  /** jitter source, [0, 1) */
  random?: () => number;
}

export declare const EVENTS: {
  readonly RESPONSE: 'app_message_response';
  readonly RESET: 'app_message_reset';
  readonly ERROR: 'app_message_error';
  readonly POLL: 'app_message_poll';
  readonly TOPIC_RESET: 'app_message_topic_reset';
  readonly TOPIC_REFUSED: 'app_message_topic_refused';
};
export declare const DEFAULTS: Readonly<Required<Pick<ChannelOptions,
  'method' | 'interval' | 'requestTimeout' | 'longPoll' | 'wait' | 'longPollMargin' | 'backoffBase' | 'backoffCap' |
  'fastAnswerMs' | 'fastAnswerLimit' | 'storageKey' | 'maxSeenIds' | 'maxTopicIds' | 'maxTopics'>>>;

/** The channel: polls while shown, triggers app_message_* on `bus`. */
export declare class MessageChannel {
  constructor(options: ChannelOptions & { bus: { trigger(name: string, payload: unknown): unknown } });
  static EVENTS: typeof EVENTS;
  readonly url: string;
  readonly platform: PlatformName;
  start(): void;
  stop(): void;
  restart(): void;
  onShow(): void;
  onHide(): void;
  isRunning(): boolean;
  cursor(): string | null;
  resetCursor(): void;
  /** the topics every poll carries from now on; throws TypeError (bad name) or RangeError (over maxTopics) */
  setTopics(names: readonly string[]): void;
  /** the topics the next poll sends: the set minus those refused since the last start() */
  topics(): string[];
}

/** A topic name: 1 to 128 letters, digits, `_`, `.`, `-`, `:` (e.g. 'live:42', 'order:A-1001', 'all'). */
export type TopicName = string;

export interface ClientOptions extends ChannelOptions {
  /** an EventBus to share (default a new one) */
  bus?: EventBus;
  onListenerError?: (error: unknown, name: string) => void;
}

/**
 * The client an app holds. `Keys` maps each key to the type of its data, e.g.
 * `createClient<{ order_status: OrderStatus }>(…)`.
 */
export declare class AppMessageClient<Keys extends AppMessageData = AppMessageData> {
  constructor(options: ClientOptions);
  /** the event bus of the original API: put it on App({ event }) */
  readonly event: EventBus;
  readonly channel: MessageChannel;
  readonly platform: PlatformName;
  start(): void;
  stop(): void;
  restart(): void;
  isRunning(): boolean;
  resetCursor(): void;
  latest<K extends keyof Keys & string>(key: K): Keys[K] | undefined;
  /** cb on every answer whose data has `key`; returns a function that removes it */
  on<K extends keyof Keys & string>(key: K, cb: (data: Keys[K], envelope: Envelope<Keys>) => void): () => void;
  /** cb once per targeted message to this user, oldest first (topic messages go to subscribe) */
  onMessage<T = unknown>(cb: (message: TargetedMessage<T>, envelope: Envelope<Keys>) => void): () => void;
  /**
   * cb once per message published to `topic`, oldest first, across retries and restarts; every poll
   * carries the topic from now on. Returns the function that unsubscribes.
   */
  subscribe<T = unknown>(topic: TopicName, cb: (message: TargetedMessage<T> & { topic: string }, envelope: Envelope<Keys>) => void): () => void;
  /** the topics subscribed to (refused ones included) */
  topics(): string[];
  /** a topic's history no longer reaches the cursor: reload that room */
  onTopicReset(cb: (event: TopicEvent) => void): () => void;
  /** the server refused a topic; it is left out of the polls until the next start() */
  onTopicRefused(cb: (event: TopicEvent) => void): () => void;
  onReset(cb: (envelope: Envelope<Keys>) => void): () => void;
  onError(cb: (error: PollError) => void): () => void;
  /** browsers: start while `doc` is visible, stop while hidden; returns a function that unbinds */
  followVisibility(doc: { hidden: boolean; addEventListener(type: 'visibilitychange', cb: () => void): void; removeEventListener(type: 'visibilitychange', cb: () => void): void }): () => void;
}
export declare function createClient<Keys extends AppMessageData = AppMessageData>(options: ClientOptions): AppMessageClient<Keys>;
export declare function getDefaultClient(): AppMessageClient<any> | null;
export declare function setDefaultClient(client: AppMessageClient<any> | null): void;

export declare function memoryStorage(): Storage;
export declare function webStorage(store: NonNullable<WebApi['localStorage']>): Storage;
export declare function wxStorage(api: MiniProgramApi): Storage;
export declare function alipayStorage(api: MiniProgramApi): Storage;

export declare function createFetchTransport(fetch: WebApi['fetch'], AbortController: NonNullable<WebApi['AbortController']>): Transport;
export interface CallbackRules {
  headerField?: 'header' | 'headers';
  timeoutOption?: boolean;
  answer(res: any): { statusCode: number; header: Record<string, string>; data: unknown };
  failure(res: any, aborted: boolean): TransportError['kind'] | { statusCode: number; header: Record<string, string>; data: unknown };
}
export declare function createCallbackTransport(request: (params: any) => any, rules: CallbackRules): Transport;

export declare function detectPlatform(): PlatformName;
export declare function resolvePlatform(options: Pick<ChannelOptions, 'platform' | 'api' | 'transport' | 'storage'>): {
  name: PlatformName;
  transport: Transport | null;
  storage: Storage;
};
export declare const PLATFORMS: Readonly<Record<Exclude<PlatformName, 'web'>, { rules: CallbackRules; storage: (api: MiniProgramApi) => Storage }>>;

export declare function backoffDelay(attempt: number, settings: { base: number; cap: number }, random: () => number): number;
export declare function retryAfterMs(value: string | number | null | undefined, now?: number): number | null;
