package io.appmessage.runtime.internal.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.internal.json.EnvelopeFields;

/**
 * What a {@link PollExtension} sees of a poll: the request, a slot for its own state, and a way to
 * add top-level envelope fields.
 */
public interface PollContext {

    /** The poll's request, identity resolved. */
    AppMessageRequest request();

    /** This extension's per-poll state, or null. Each extension has its own slot. */
    Object attachment();

    /** Stores this extension's per-poll state. */
    void attach(Object attachment);

    /**
     * Runs {@code callback} if the client goes away while the poll is held: a client that goes
     * away frees its hold at once. The poll is then over, unanswered; the extension frees
     * what it holds for it and may complete its hold stage (that no longer runs handlers). Only
     * transports that watch connections report this (see {@link ConnectionWatch}).
     */
    void onClientGone(Runnable callback);

    /** Sets the fields written after {@code data} in this poll's envelope. */
    void envelopeFields(EnvelopeFields fields);

    /** This poll asked to be held ({@code wait}): it is answered as a long-poll, for the observer. */
    default void longPoll() {
    }

    /** This poll's answer carries {@code count} targeted messages, for the observer. */
    default void messagesDelivered(int count) {
    }
}
