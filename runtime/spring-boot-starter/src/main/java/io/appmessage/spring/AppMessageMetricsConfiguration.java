package io.appmessage.spring;

import io.appmessage.metrics.AppMessageManagement;
import io.appmessage.metrics.AppMessageMetrics;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.presence.Presence;
import io.appmessage.runtime.spi.PollObserver;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * With {@code appmessage-metrics} on the class path: AppMessage's meters, fed by the poll engine and
 * published into the app's {@link MeterRegistry} when it has one; and, once {@code appmessage.management.port}
 * is set, the management listener ({@code /metrics}, the operator console) on its own port, managing the
 * starter's poll engine (plugin switches, settings) and outbox (test messages).
 */
@AutoConfiguration(after = AppMessageAutoConfiguration.class)
@ConditionalOnClass(name = {"io.appmessage.metrics.AppMessageMetrics", "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnBean(AppMessageServer.class)
@EnableConfigurationProperties(AppMessageManagementProperties.class)
public class AppMessageMetricsConfiguration {

    /** The meters; {@code appmessage_online_users} reads the app's {@link Presence} bean when it has one. */
    @Bean
    @ConditionalOnMissingBean
    public AppMessageMetrics appMessageMetrics(ObjectProvider<Presence> presence) {
        Presence unique = presence.getIfUnique();
        return unique == null ? AppMessageMetrics.create() : AppMessageMetrics.create(unique);
    }

    /** What moves the meters: the engine adds every {@link PollObserver} bean. */
    @Bean
    @ConditionalOnMissingBean(name = "appMessageMeters")
    public PollObserver appMessageMeters(AppMessageMetrics metrics) {
        return metrics.observer();
    }

    /**
     * Binds the meters to the app's registry once every singleton exists (binding is idempotent, so a
     * registry Spring Boot's Actuator already bound them to is not counted twice).
     */
    @Bean
    public SmartInitializingSingleton appMessageMetricsBinding(AppMessageMetrics metrics,
                                                               ObjectProvider<MeterRegistry> registries) {
        return () -> registries.ifUnique(metrics::bindTo);
    }

    /** The listener of {@code appmessage.management.port}; without the property nothing listens. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "appmessage.management", name = "port")
    static class ManagementListenerConfiguration {

        @Bean
        @ConditionalOnMissingBean
        AppMessageManagementListener appMessageManagementListener(AppMessageMetrics metrics, AppMessageServer server,
                                                                 ObjectProvider<AppMessageOutbox> outbox,
                                                                 AppMessageManagementProperties properties) {
            AppMessageManagement.Builder builder = AppMessageManagement.builder(metrics)
                    .environment(Map.of()) // Spring's environment already reached the properties
                    .host(properties.getHost())
                    .port(properties.getPort())
                    .adminToken(properties.getAdminToken())
                    .server(server);
            outbox.ifAvailable(builder::outbox);
            return new AppMessageManagementListener(builder, properties);
        }
    }
}
