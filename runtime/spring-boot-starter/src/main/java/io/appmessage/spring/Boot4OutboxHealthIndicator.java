package io.appmessage.spring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The outbox store's health on Spring Boot 4 (contributor {@code appMessageOutbox}). */
final class Boot4OutboxHealthIndicator implements HealthIndicator {

    private final OutboxProbe probe;

    Boot4OutboxHealthIndicator(OutboxProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        Exception failure = probe.failure();
        Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("error", failure.getMessage());
        return health.withDetail("store", probe.store()).build();
    }
}
