package io.appmessage.spring.test;

import io.appmessage.InstanceProvider;
import io.appmessage.runtime.AppMessageDispatcher;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.PollResponse;
import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.spring.AppMessageAutoConfiguration;
import io.appmessage.spring.AppMessageReactiveConfiguration;
import io.appmessage.spring.AppMessageServletConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration's switches, overrides and start-up checks, in contexts without a web server. */
class AutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class,
                    AppMessageServletConfiguration.class, AppMessageReactiveConfiguration.class))
            .withUserConfiguration(TestApp.AppBeans.class);

    @Test
    void byDefault_theEngineRunsTheHandlers_beanAndNonBean() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(AppMessageServer.class).hasSingleBean(AppMessageDispatcher.class)
                    .doesNotHaveBean(AppMessageOutbox.class);
            assertThat(poll(context.getBean(AppMessageDispatcher.class)))
                    .isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"greeting\":\"hello guest\",\"shop_banner\":\"sale today\"}}");
        });
    }

    @Test
    void enabledFalse_setsNothingUp() {
        runner.withPropertyValues("appmessage.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(AppMessageServer.class).doesNotHaveBean(AppMessageDispatcher.class)
                .doesNotHaveBean(InstanceProvider.class));
    }

    @Test
    void enabledFalse_inAWebApp_mapsNoPollPath() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class,
                        AppMessageServletConfiguration.class))
                .withUserConfiguration(TestApp.AppBeans.class)
                .withPropertyValues("appmessage.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("appMessageHandlerMapping"));
    }

    @Test
    void disabledPlugins_switchThePluginsHandlersOff() {
        runner.withPropertyValues("appmessage.disabled-plugins=shop").run(context -> {
            AppMessageDispatcher dispatcher = context.getBean(AppMessageDispatcher.class);
            assertThat(dispatcher.plugins().disabled()).containsExactly("shop");
            assertThat(poll(dispatcher)).isEqualTo("{\"code\":0,\"msg\":\"\",\"data\":{\"greeting\":\"hello guest\"}}");
        });
    }

    @Test
    void expectedPlugins_thatAreThere_startAsUsual() {
        runner.withPropertyValues("appmessage.expected-plugins=shop").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(poll(context.getBean(AppMessageDispatcher.class))).contains("\"shop_banner\":\"sale today\"");
        });
    }

    @Test
    void anExpectedPluginThatIsMissing_failsStartUp_namingThePropertyAndThePlugin() {
        runner.withPropertyValues("appmessage.expected-plugins=shop,wxapp").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("appmessage.expected-plugins=shop,wxapp")
                    .hasStackTraceContaining("[AppMessage-MissingPlugin] expected plugin [wxapp] not found")
                    .hasStackTraceContaining("plugins found: [shop]");
        });
    }

    @Test
    void redisStore_withoutLettuce_failsStartUp_sayingWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader("io.lettuce."))
                .withPropertyValues("appmessage.outbox.store=redis", "appmessage.outbox.redis-uri=redis://127.0.0.1:1")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("appmessage.outbox.store=redis needs the Redis client io.lettuce:lettuce-core"));
    }

    @Test
    void redisStore_withoutAUri_failsStartUp_namingTheProperty() {
        runner.withPropertyValues("appmessage.outbox.store=redis").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("appmessage.outbox.store=redis needs appmessage.outbox.redis-uri"));
    }

    @Test
    void embeddedStore_givesAnOutboxBean_thatTheEngineDeliversFrom() {
        runner.withPropertyValues("appmessage.outbox.store=embedded",
                "appmessage.outbox.data-dir=target/outbox-runner-" + System.nanoTime()).run(context -> {
            assertThat(context).hasSingleBean(AppMessageOutbox.class);
            context.getBean(AppMessageOutbox.class).sendJson("gina", "hi", "1");
            PollResponse answer = context.getBean(AppMessageDispatcher.class)
                    .poll("GET", null, name -> name.equalsIgnoreCase("X-Access-Token") ? "t-gina" : null)
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(answer.bodyText()).contains("\"key\":\"hi\"");
        });
    }

    @Test
    void appBeans_replaceTheStartersOwn() {
        runner.withUserConfiguration(OwnInstances.class).run(context -> {
            assertThat(context.getBean(InstanceProvider.class)).isSameAs(OwnInstances.PROVIDER);
            assertThat(poll(context.getBean(AppMessageDispatcher.class))).contains("\"greeting\":\"hi guest\"");
        });
    }

    @Test
    void aBadValue_failsStartUp_namingTheSetting() {
        runner.withPropertyValues("appmessage.path=no-slash").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("setting path").hasMessageContaining("starting with '/'"));
        runner.withPropertyValues("appmessage.path=no-slash").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("appmessage.* settings are not valid"));
        runner.withPropertyValues("appmessage.outbox.store=mongo").run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("appmessage.outbox.store").hasStackTraceContaining("mongo"));
    }

    @Test
    void aPresenceBean_isTheServersPresence_andHearsEachPollOnce() {
        runner.withBean(CountingPresence.class, CountingPresence::new).run(context -> {
            poll(context.getBean(AppMessageDispatcher.class));
            CountingPresence presence = context.getBean(CountingPresence.class);
            assertThat(Http.eventually(java.time.Duration.ofSeconds(2), () -> presence.answered.get() == 1)).isTrue();
            Thread.sleep(100);
            assertThat(presence.answered.get()).as("once, not as presence and again as observer").isEqualTo(1);
        });
    }

    /** A presence that counts answered polls. */
    static final class CountingPresence implements io.appmessage.runtime.presence.Presence {
        final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void pollAnswered(String userId, PollMode mode, int status, long durationNanos, int bytes, int messagesDelivered) {
            answered.incrementAndGet();
        }

        @Override
        public boolean isOnline(String userId) {
            return false;
        }

        @Override
        public long onlineCount() {
            return 0;
        }

        @Override
        public java.time.Duration window() {
            return DEFAULT_WINDOW;
        }

        @Override
        public void close() {
        }
    }

    private static String poll(AppMessageDispatcher dispatcher) throws Exception {
        return dispatcher.poll("GET", null, name -> null).toCompletableFuture().get(5, TimeUnit.SECONDS).bodyText();
    }

    /** The app's own provider: a handler bean built its way. */
    @Configuration(proxyBeanMethods = false)
    static class OwnInstances {

        static final InstanceProvider PROVIDER = new InstanceProvider() {
            @Override
            public <T> T get(Class<T> type) {
                return type == GreetingHandlers.class ? type.cast(new GreetingHandlers(new Greetings("hi"))) : null;
            }
        };

        @Bean
        InstanceProvider ownInstances() {
            return PROVIDER;
        }
    }
}
