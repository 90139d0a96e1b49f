/**
 * Delivery on the poll path: targeted messages from the outbox in the envelope and
 * long-poll, holding a poll with no thread until something is there for its user. Wired
 * by {@code AppMessageServer.Builder.outbox(...)} and the long-poll settings; one
 * {@link io.appmessage.runtime.internal.dispatch.PollExtension} ({@code DeliveryExtension}) runs first on
 * every poll.
 */
package io.appmessage.runtime.internal.delivery;
