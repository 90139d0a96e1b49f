package io.appmessage.spring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The outbox store's health on Spring Boot 3 (contributor {@code appMessageOutbox}). */
final class Boot3OutboxHealthIndicator implements HealthIndicator {

    private final OutboxProbe probe;

    Boot3OutboxHealthIndicator(OutboxProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        Exception failure = probe.failure();
        Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("error", failure.getMessage());
        return health.withDetail("store", probe.store()).build();
    }
}
