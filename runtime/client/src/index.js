/*
 * Everything in one place:
 *   const { createEventBus, MessageChannel } = require('./lib/appmessage'); // mini-program, Node
 *   const { createEventBus, MessageChannel } = window.AppMessage;           // browser, after the
 *   // <script> tags for event, backoff, transport, storage, ledger, channel and this file
 */
(function (root, factory) {
  if (typeof module === 'object' && module && module.exports) {
    module.exports = factory(require);
  } else {
    var ns = (root.AppMessage = root.AppMessage || {});
    var api = factory(function (path) {
      var name = path.replace(/^\.\//, '').replace(/\.js$/, '');
      if (!ns[name]) throw new Error('AppMessage: load lib/' + name + '.js before lib/appmessage.js');
      return ns[name];
    });
    Object.keys(api).forEach(function (name) {
      ns[name] = api[name];
    });
  }
})(typeof self !== 'undefined' ? self : this, function (require) {
  'use strict';
  var event = require('./event');
  var channel = require('./channel');
  var storage = require('./storage');
  var transport = require('./transport');
  return {
    createEventBus: event.createEventBus,
    EventBus: event.EventBus,
    MessageChannel: channel.MessageChannel,
    EVENTS: channel.EVENTS,
    memoryStorage: storage.memoryStorage,
    webStorage: storage.webStorage,
    wxStorage: storage.wxStorage,
    createFetchTransport: transport.createFetchTransport,
    createWxTransport: transport.createWxTransport
  };
});
