/**
 * The outbox and the wake-up signal on Redis, for several server nodes behind one load balancer.
 * Needs {@code io.lettuce:lettuce-core} on the class path: it is an optional
 * dependency of the runtime, so apps that use Redis add it themselves.
 */
package io.appmessage.runtime.internal.outbox.redis;
