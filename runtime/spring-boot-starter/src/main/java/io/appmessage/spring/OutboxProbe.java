package io.appmessage.spring;

import io.appmessage.runtime.outbox.AppMessageOutbox;

/**
 * Whether the outbox's store answers: one read of a user who never gets messages, through the same path
 * a poll takes. Shared by the health indicators of Boot 3 and Boot 4 (their interfaces live in different
 * packages).
 */
final class OutboxProbe {

    /** A user id no app sends to (user ids of real users do not start with '#'). */
    static final String PROBE_USER = "#appmessage-health";

    private final AppMessageOutbox outbox;

    OutboxProbe(AppMessageOutbox outbox) {
        this.outbox = outbox;
    }

    /** {@code null} when the store answered; else what went wrong. */
    Exception failure() {
        try {
            outbox.read(PROBE_USER, null, 1);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The store's kind, for the health details. */
    String store() {
        return outbox.store().getClass().getSimpleName();
    }
}
