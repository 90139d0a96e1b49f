package io.appmessage.spring;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot Actuator present and an outbox configured: the health contributor
 * {@code appMessageOutbox}, DOWN while the outbox's store does not answer. It belongs in the readiness
 * group (a node whose Redis is gone should get no polls) and never in liveness (restarting the app would not
 * bring Redis back): {@code management.endpoint.health.group.readiness.include=readinessState,appMessageOutbox}.
 */
@AutoConfiguration(after = AppMessageAutoConfiguration.class)
@ConditionalOnBean(AppMessageOutbox.class)
public class AppMessageHealthConfiguration {

    /** Boot 3's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot3Health {

        @Bean
        @ConditionalOnMissingBean(name = "appMessageOutboxHealthIndicator")
        Boot3OutboxHealthIndicator appMessageOutboxHealthIndicator(AppMessageOutbox outbox) {
            return new Boot3OutboxHealthIndicator(new OutboxProbe(outbox));
        }
    }

    /** Boot 4's health API (its own module, spring-boot-health). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4Health {

        @Bean
        @ConditionalOnMissingBean(name = "appMessageOutboxHealthIndicator")
        Boot4OutboxHealthIndicator appMessageOutboxHealthIndicator(AppMessageOutbox outbox) {
            return new Boot4OutboxHealthIndicator(new OutboxProbe(outbox));
        }
    }
}
