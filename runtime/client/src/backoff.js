/*
 * How long the channel waits after a failed poll.
 *
 *   backoffDelay(3, { base: 5000, cap: 60000 }, Math.random) // in [10000, 20000]
 *   retryAfterMs('2')                                         // 2000
 *
 * Exponential with a cap, and "equal jitter": the delay is drawn from [d/2, d] where
 * d = min(cap, base * 2^(attempt-1)). The jitter spreads thousands of clients that failed
 * together (a server restart) so they do not come back in one burst; the lower half-bound keeps
 * a client from ever retrying at once against a server that is down.
 */
/** Retry-After values beyond this are treated as a server mistake and capped (1 hour). */
var MAX_RETRY_AFTER_MS = 3600 * 1000;

/**
 * @param {number} attempt consecutive failures so far, 1 for the first
 * @param {{base: number, cap: number}} settings milliseconds
 * @param {function(): number} random a number in [0, 1)
 * @returns {number} milliseconds, in [d/2, d]
 */
function backoffDelay(attempt, settings, random) {
  var exponent = Math.max(0, Math.min(attempt - 1, 30));
  var ceiling = Math.min(settings.cap, settings.base * Math.pow(2, exponent));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Parses an HTTP Retry-After value: delay-seconds or an HTTP-date (RFC 9110 10.2.3).
 * @param {string|number|undefined|null} value
 * @param {number} [now] current time in ms (for the date form)
 * @returns {number|null} milliseconds to wait, or null when absent or unreadable
 */
function retryAfterMs(value, now) {
  if (value === undefined || value === null || value === '') return null;
  var text = String(value).trim();
  var ms;
  if (/^\d+$/.test(text)) {
    ms = parseInt(text, 10) * 1000;
  } else {
    var at = Date.parse(text);
    if (isNaN(at)) return null;
    ms = Math.max(0, at - (now === undefined ? Date.now() : now));
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/**
 * The wait the server asked for, plus up to 20% (at most 1 s) on top so that every client told
 * "come back in 5 s" does not come back in the same millisecond. Never earlier than asked.
 */
function retryAfterDelay(ms, random) {
  return Math.round(ms + random() * Math.min(ms * 0.2, 1000));
}

export { backoffDelay, retryAfterMs, retryAfterDelay, MAX_RETRY_AFTER_MS };
