/**
 * The wake-up signal a held long-poll waits for: a targeted message for its user (the
 * outbox signals it) or app code saying that handler data changed. {@link
 * io.appmessage.runtime.internal.outbox.signal.LocalMessageSignal} serves one node; the Redis signal in {@code
 * io.appmessage.runtime.internal.outbox.redis} carries signals between nodes.
 */
package io.appmessage.runtime.internal.outbox.signal;
