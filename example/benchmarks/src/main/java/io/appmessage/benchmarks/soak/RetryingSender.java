package io.appmessage.benchmarks.soak;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxUnavailableException;

import java.util.concurrent.TimeUnit;

/**
 * Sends as an application should: each message under its own idempotency key, retried with that same key
 * while the store's answer is unknown (a timeout: it may have been stored) or the store is unavailable, with a
 * doubling pause. So a stalled store delays a message but neither loses nor doubles it. A send that still fails
 * after the last attempt is given up; it may have been stored.
 */
final class RetryingSender {

    private static final int ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MILLIS = 100;
    private static final long LONGEST_PAUSE_MILLIS = 2_000;

    private final AppMessageOutbox outbox;
    private long retries;
    private long givenUp;
    private String firstFailure = "";

    RetryingSender(AppMessageOutbox outbox) {
        this.outbox = outbox;
    }

    /** True once the store acknowledged the message (on the first attempt or a retry). */
    boolean send(String userId, String key, String json, String idempotencyKey) throws InterruptedException {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.sendJson(userId, key, json, idempotencyKey);
                return true;
            } catch (OutboxUnavailableException e) { // an unknown outcome (OutboxOutcomeUnknownException) included
                if (firstFailure.isEmpty()) {
                    firstFailure = e.toString();
                    System.err.println("send failed, retrying with its idempotency key: " + e);
                }
                if (attempt == ATTEMPTS) {
                    givenUp++;
                    return false;
                }
                retries++;
                TimeUnit.MILLISECONDS.sleep(pause);
                pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
            }
        }
    }

    /** Attempts after the first, over all sends. */
    long retries() {
        return retries;
    }

    /** Sends still unacknowledged after the last attempt (each may have been stored). */
    long givenUp() {
        return givenUp;
    }

    String firstFailure() {
        return firstFailure;
    }
}
