/*
 * The channel's memory of targeted messages: the cursor to send on the next poll and a
 * bounded set of message ids already handed to listeners. The server delivers at least once (a
 * message comes again until a later cursor acknowledges it), so the client drops repeats by id;
 * both survive restarts through the storage.
 *
 *   const ledger = new MessageLedger(memoryStorage(), 'app_message_channel', 500);
 *   ledger.cursor;                          // null or the opaque string from the last answer
 *   const fresh = ledger.accept(envelope);  // the messages not seen before, oldest first
 */
function MessageLedger(storage, key, maxSeenIds) {
  this._storage = storage;
  this._key = key;
  this._max = maxSeenIds;
  this.cursor = null;
  this._seen = []; // ids as strings, oldest first
  this._seenSet = {};
  this._load();
}

MessageLedger.prototype._load = function () {
  var saved = null;
  try {
    saved = this._storage.get(this._key);
  } catch (e) {
    saved = null; // unreadable storage: start fresh rather than not at all
  }
  if (!saved || typeof saved !== 'object') return;
  if (typeof saved.cursor === 'string') this.cursor = saved.cursor;
  if (Array.isArray(saved.seen)) {
    for (var i = 0; i < saved.seen.length; i++) this._remember(String(saved.seen[i]));
  }
};

MessageLedger.prototype._save = function () {
  try {
    this._storage.set(this._key, { cursor: this.cursor, seen: this._seen.slice() });
  } catch (e) {
    // Storage full or unavailable: keep going from memory; the server's at-least-once
    // delivery plus the in-memory ids still protect this session.
  }
};

MessageLedger.prototype._remember = function (id) {
  if (this._seenSet[id]) return;
  this._seen.push(id);
  this._seenSet[id] = true;
  while (this._seen.length > this._max) delete this._seenSet[this._seen.shift()];
};

/**
 * Takes one answer: forgets old ids when the server lost our cursor (`recovered: false` means
 * the store was reset or trimmed, and a reset store may hand out the same ids again), keeps the
 * new cursor, and returns only the messages not delivered before. Saves before the caller
 * triggers listeners, so a restart after this point does not replay them.
 * @returns {Array} fresh messages, server order
 */
MessageLedger.prototype.accept = function (envelope) {
  var changed = false;
  if (envelope.recovered === false && this._seen.length > 0) {
    this._seen = [];
    this._seenSet = {};
    changed = true;
  }
  var fresh = [];
  var messages = Array.isArray(envelope.messages) ? envelope.messages : [];
  for (var i = 0; i < messages.length; i++) {
    var message = messages[i];
    if (!message || typeof message !== 'object') continue;
    if (message.id === undefined || message.id === null) {
      fresh.push(message); // cannot dedupe without an id; delivering beats dropping
      continue;
    }
    var id = String(message.id);
    if (this._seenSet[id]) continue;
    this._remember(id);
    fresh.push(message);
    changed = true;
  }
  var cursor = envelope.cursor;
  if (typeof cursor === 'number') cursor = String(cursor);
  if (typeof cursor === 'string' && cursor !== this.cursor) {
    this.cursor = cursor;
    changed = true;
  }
  if (changed) this._save();
  return fresh;
};

/** Forgets cursor and ids, e.g. when another user logs in on this device. */
MessageLedger.prototype.reset = function () {
  this.cursor = null;
  this._seen = [];
  this._seenSet = {};
  try {
    this._storage.remove(this._key);
  } catch (e) {
    // nothing stored is the goal; a failing remove leaves stale data we overwrite next save
  }
};

MessageLedger.prototype.seenCount = function () {
  return this._seen.length;
};

export { MessageLedger };
