/*
 * appmessage-client: the client of the AppMessage public message channel (公共消息通道) for WeChat
 * and QQ mini-programs, uni-app, Taro, Alipay, Douyin, Baidu, browsers and Node.
 *
 *   import { createClient } from 'appmessage-client';             // bundlers, uni-app, Taro
 *   const { createClient } = require('appmessage-client');        // native mini-program (构建 npm), Node
 *   const { createClient } = window.AppMessage;                   // <script src="appmessage.js">
 */
export { createEventBus, EventBus } from './event.js';
export { MessageChannel, EVENTS, DEFAULTS } from './channel.js';
export { AppMessageClient, createClient, getDefaultClient, setDefaultClient } from './client.js';
export { memoryStorage, webStorage, wxStorage, alipayStorage } from './storage.js';
export { createFetchTransport, createCallbackTransport } from './transport.js';
export { detectPlatform, resolvePlatform, PLATFORMS } from './platforms.js';
export { backoffDelay, retryAfterMs } from './backoff.js';
