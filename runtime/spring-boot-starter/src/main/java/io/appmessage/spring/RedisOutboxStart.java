package io.appmessage.spring;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;

/**
 * Connects the outbox of {@code appmessage.outbox.store=redis}, failing start-up with what to change when the
 * app's class path cannot carry it: no URI, no Lettuce, or a Lettuce built for another Netty (Lettuce 7 needs
 * Netty 4.2; Spring Boot 3.5 manages Netty 4.1 and, with it, Lettuce 6.6, which works).
 */
final class RedisOutboxStart {

    static final String NO_LETTUCE = "appmessage.outbox.store=redis needs the Redis client io.lettuce:lettuce-core on"
            + " the class path: add it (without a version, Spring Boot's dependency management picks the one that"
            + " fits its Netty) or spring-boot-starter-data-redis";

    private RedisOutboxStart() {
    }

    static AppMessageOutbox connect(String uri, OutboxSettings settings) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException(
                    "appmessage.outbox.store=redis needs appmessage.outbox.redis-uri (redis://host:6379)");
        }
        try {
            return RedisOutboxes.connect(uri, settings);
        } catch (LinkageError e) {
            if (String.valueOf(e.getMessage()).contains("io/netty/")) {
                throw new IllegalStateException("appmessage.outbox.store=redis: Lettuce "
                        + version("io.lettuce.core.RedisClient") + " does not run on the app's Netty "
                        + version("io.netty.channel.Channel") + " (" + e + "). Lettuce 7 needs Netty 4.2; on Spring"
                        + " Boot 3.5 (Netty 4.1) declare io.lettuce:lettuce-core without a version, so that Boot's"
                        + " Lettuce 6.6 is used", e);
            }
            throw e;
        }
    }

    /** The version in the manifest of the jar that holds {@code className}. */
    private static String version(String className) {
        try {
            String version = Class.forName(className, false, RedisOutboxStart.class.getClassLoader()).getPackage()
                    .getImplementationVersion();
            return version == null ? "(version unknown)" : version;
        } catch (ClassNotFoundException | LinkageError e) {
            return "(absent)";
        }
    }
}
