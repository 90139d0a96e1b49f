package io.appmessage.spring;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Authenticator;
import io.appmessage.runtime.CorsSettings;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Sets AppMessage up inside a Spring Boot app: the poll engine built from {@code appmessage.*}, handler
 * objects from the application context, the app's {@link Authenticator} bean, every {@link PollObserver}
 * bean, an outbox when
 * {@code appmessage.outbox.store} asks for one. The poll endpoint itself comes from
 * {@link AppMessageServletConfiguration} or {@link AppMessageReactiveConfiguration}, whichever web stack
 * the app runs. Every bean yields to one the app defines; {@code appmessage.enabled=false} switches it all off.
 */
@AutoConfiguration
@ConditionalOnClass(AppMessageServer.class)
@ConditionalOnProperty(prefix = "appmessage", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AppMessageProperties.class)
public class AppMessageAutoConfiguration {

    /** Handler objects are the context's beans when it has one of their type; other classes are built as without Spring. */
    @Bean
    @ConditionalOnMissingBean
    public InstanceProvider appMessageInstanceProvider(ApplicationContext context) {
        return new ApplicationContextInstanceProvider(context);
    }

    @Bean(destroyMethod = "") // closed by AppMessageLifecycle when Spring stops, before any bean is destroyed
    @ConditionalOnMissingBean
    public AppMessageServer appMessageServer(AppMessageProperties properties, InstanceProvider instances,
                                             ObjectProvider<Authenticator> authenticator,
                                             ObjectProvider<AppMessageOutbox> outbox,
                                             ObjectProvider<PollObserver> observers,
                                             ObjectProvider<Presence> presence,
                                             ApplicationContext context) {
        AppMessageServer.Builder builder = AppMessageServer.builder()
                .environment(java.util.Map.of()) // Spring's environment already reached the properties
                .classLoader(context.getClassLoader())
                .instanceProvider(instances)
                .authenticator(authenticator.getIfAvailable(() -> Authenticator.ANONYMOUS))
                .path(properties.getPath())
                .pollDeadline(properties.getPollDeadline())
                .maxBodyBytes(properties.getMaxBodyBytes())
                .maxInFlight(properties.getMaxInFlight())
                .retryAfterSeconds(properties.getRetryAfterSeconds())
                .shutdownGrace(properties.getShutdownGrace())
                .workerThreads(properties.getWorkerThreads())
                .maxParameters(properties.getMaxParameters())
                .disabledPlugins(properties.getDisabledPlugins().toArray(String[]::new))
                .expectPlugins(properties.getExpectedPlugins().toArray(String[]::new))
                .faultLogInterval(properties.getFaultLogInterval())
                .longPoll(properties.isLongPoll())
                .longPollCap(properties.getLongPollCap())
                // the app's web server, not Undertow, carries the connections: keep the standalone
                // idle-timeout check from refusing a long cap that the container allows
                .idleTimeout(properties.getLongPollCap().plusSeconds(30).compareTo(Duration.ofSeconds(90)) > 0
                        ? properties.getLongPollCap().plusSeconds(30) : Duration.ofSeconds(90))
                .maxHeldPolls(properties.getMaxHeldPolls())
                .outboxBatchSize(properties.getOutbox().getBatchSize());
        outbox.ifAvailable(builder::outbox);
        // a Presence bean is the server's presence (it observes through that, once); every other observer bean
        // (metrics, consoles) is added as an observer, once even when two beans give the same one
        presence.ifUnique(builder::presence);
        observers.orderedStream().filter(observer -> !(observer instanceof Presence)).distinct().forEach(builder::observer);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("appmessage.* settings are not valid: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(MISSING_PLUGIN)) {
                throw new IllegalStateException("appmessage.expected-plugins=" + String.join(",", properties.getExpectedPlugins())
                        + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The tag of the engine's failure when an expected plugin brought no handler. */
    private static final String MISSING_PLUGIN = "[AppMessage-MissingPlugin]";

    @Bean
    @ConditionalOnMissingBean
    public AppMessageDispatcher appMessageDispatcher(AppMessageServer server) {
        return server.dispatcher();
    }

    /** Which browser origins may poll, from {@code appmessage.cors.*}; a bad value fails start-up naming the property. */
    @Bean
    @ConditionalOnMissingBean
    public CorsSettings appMessageCorsSettings(AppMessageProperties properties) {
        return CorsSettingsBinding.settings(properties.getCors());
    }

    /** Answers held polls and drains running ones when Spring stops, before the web server and the outbox. */
    @Bean
    @ConditionalOnMissingBean
    public AppMessageLifecycle appMessageLifecycle(AppMessageServer server) {
        return new AppMessageLifecycle(server);
    }

    /** The outbox of {@code appmessage.outbox.store=embedded}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "appmessage.outbox", name = "store", havingValue = "embedded")
    static class EmbeddedOutboxConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        AppMessageOutbox appMessageOutbox(AppMessageProperties properties) {
            return AppMessageOutbox.embedded(properties.getOutbox().getDataDir(), outboxSettings(properties));
        }
    }

    /** The outbox of {@code appmessage.outbox.store=redis}, at {@code appmessage.outbox.redis-uri}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "appmessage.outbox", name = "store", havingValue = "redis")
    @ConditionalOnClass(name = "io.lettuce.core.RedisClient")
    static class RedisOutboxConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        AppMessageOutbox appMessageOutbox(AppMessageProperties properties) {
            return RedisOutboxStart.connect(properties.getOutbox().getRedisUri(), outboxSettings(properties));
        }
    }

    /** {@code appmessage.outbox.store=redis} without Lettuce: start-up fails saying what to add. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "appmessage.outbox", name = "store", havingValue = "redis")
    @ConditionalOnMissingClass("io.lettuce.core.RedisClient")
    static class RedisClientMissingConfiguration {

        RedisClientMissingConfiguration() {
            throw new IllegalStateException(RedisOutboxStart.NO_LETTUCE);
        }
    }

    static OutboxSettings outboxSettings(AppMessageProperties properties) {
        try {
            return OutboxSettings.defaults()
                    .withMaxMessagesPerUser(properties.getOutbox().getMaxMessagesPerUser())
                    .withMaxAge(properties.getOutbox().getMaxAge());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("appmessage.outbox.* settings are not valid: " + e.getMessage(), e);
        }
    }
}
