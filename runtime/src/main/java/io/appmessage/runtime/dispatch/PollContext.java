package io.appmessage.runtime.dispatch;

import io.appmessage.AppMessageRequest;
import io.appmessage.runtime.json.EnvelopeFields;

/**
 * What a {@link PollExtension} sees of a poll: the request, a slot for its own state, and a way to
 * add top-level envelope fields.
 */
public interface PollContext {

    /** The poll's request, identity resolved. */
    AppMessageRequest request();

    /** The extension's per-poll state, or null. */
    Object attachment();

    /** Stores the extension's per-poll state. */
    void attach(Object attachment);

    /** Sets the fields written after {@code data} in this poll's envelope (issue 6). */
    void envelopeFields(EnvelopeFields fields);
}
