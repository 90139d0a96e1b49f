/*
 * The channel's memory of delivered messages: the cursor to send on the next poll and, per stream
 * (the personal one and each topic), a bounded set of message ids already handed to listeners.
 * The server delivers at least once (a message comes again until a later cursor acknowledges it)
 * and ids count per stream, so the client drops repeats by (topic, id); all of it survives
 * restarts through the storage.
 *
 *   const ledger = new MessageLedger(memoryStorage(), 'app_message_channel', 500, 200, 40);
 *   ledger.cursor;                          // null or the opaque string from the last answer
 *   const fresh = ledger.accept(envelope);  // the messages not seen before, oldest first
 *
 * Stored as {cursor, seen: [personal ids], topics: {name: [ids]}}; topic streams are kept for the
 * `maxStreams` topics used most recently (subscribed topics are used on every answer).
 */
function MessageLedger(storage, key, maxSeenIds, maxTopicIds, maxStreams) {
  this._storage = storage;
  this._key = key;
  this._max = maxSeenIds;
  this._maxTopicIds = maxTopicIds;
  this._maxStreams = maxStreams;
  this.cursor = null;
  this._clear();
  var saved = null;
  try {
    saved = storage.get(key);
  } catch (e) {
    // unreadable storage: start fresh rather than not at all
  }
  if (!saved || typeof saved !== 'object') return;
  if (typeof saved.cursor === 'string') this.cursor = saved.cursor;
  this._fill('', saved.seen);
  var topics = saved.topics || {};
  for (var name in topics) this._fill(name, topics[name]);
}

/** Forgets the delivered ids of every stream (ids as strings, oldest first). */
MessageLedger.prototype._clear = function () {
  this._personal = [];
  this._topics = new Map(); // topic -> ids, least recently used first
};

/** The ids of `stream` ('' or a topic), created on first use; a topic counts as used most recently. */
MessageLedger.prototype._ids = function (stream) {
  if (!stream) return this._personal;
  var topics = this._topics;
  var ids = topics.get(stream) || [];
  topics.delete(stream);
  topics.set(stream, ids);
  if (topics.size > this._maxStreams) topics.delete(topics.keys().next().value);
  return ids;
};

/** Remembers `id` in `stream`; false when it was delivered before. */
MessageLedger.prototype._add = function (stream, id) {
  var ids = this._ids(stream);
  if (ids.indexOf(id) >= 0) return false;
  ids.push(id);
  if (ids.length > (stream ? this._maxTopicIds : this._max)) ids.shift();
  return true;
};

MessageLedger.prototype._fill = function (stream, ids) {
  if (Array.isArray(ids)) for (var i = 0; i < ids.length; i++) this._add(stream, String(ids[i]));
};

MessageLedger.prototype._save = function () {
  var topics = {};
  this._topics.forEach(function (ids, name) {
    topics[name] = ids;
  });
  try {
    this._storage.set(this._key, { cursor: this.cursor, seen: this._personal, topics: topics });
  } catch (e) {
    // Storage full or unavailable: keep going from memory; the server's at-least-once
    // delivery plus the in-memory ids still protect this session.
  }
};

/**
 * Takes one answer: forgets the old personal ids when the server lost our place in the personal
 * stream (`recovered: false`: the store was reset or trimmed, and a reset store may hand out the same
 * ids again), and those of each topic whose history no longer reaches the cursor
 * (`topics: {name: {recovered: false}}`, the same rule per topic); keeps the new cursor; returns only
 * the messages not delivered before. Saves before the caller triggers listeners, so a restart after this point does
 * not replay them. `subscribed` topics count as used.
 * @returns {Array} fresh messages, server order
 */
MessageLedger.prototype.accept = function (envelope, subscribed) {
  var changed = envelope.recovered === false;
  if (changed) this._personal = [];
  var states = envelope.topics || {};
  for (var name in states) {
    if (states[name] && states[name].recovered === false && this._topics.has(name)) {
      this._topics.set(name, []);
      changed = true;
    }
  }
  for (var s = 0; subscribed && s < subscribed.length; s++) this._ids(subscribed[s]);
  var fresh = [];
  var messages = Array.isArray(envelope.messages) ? envelope.messages : [];
  for (var i = 0; i < messages.length; i++) {
    var message = messages[i];
    if (!message || typeof message !== 'object') continue;
    if (message.id === undefined || message.id === null) {
      fresh.push(message); // cannot dedupe without an id; delivering beats dropping
    } else if (this._add(typeof message.topic === 'string' ? message.topic : '', String(message.id))) {
      fresh.push(message);
      changed = true;
    }
  }
  var next = envelope.cursor;
  if (typeof next === 'number') next = String(next);
  if (typeof next === 'string' && next !== this.cursor) {
    this.cursor = next;
    changed = true;
  }
  if (changed) this._save();
  return fresh;
};

/** Forgets cursor and ids, e.g. when another user logs in on this device. */
MessageLedger.prototype.reset = function () {
  this.cursor = null;
  this._clear();
  try {
    this._storage.remove(this._key);
  } catch (e) {
    // nothing stored is the goal; a failing remove leaves stale data we overwrite next save
  }
};

export { MessageLedger };
