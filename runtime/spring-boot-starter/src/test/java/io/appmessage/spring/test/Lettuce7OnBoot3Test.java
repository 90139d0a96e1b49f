package io.appmessage.spring.test;

import io.appmessage.spring.AppMessageAutoConfiguration;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app on Boot 3.5 (Netty 4.1) that pins Lettuce 7 (built for Netty 4.2): start-up fails naming the property,
 * both versions and the fix, instead of a bare NoClassDefFoundError. Run by its own surefire execution, whose
 * class path has Lettuce 7 in place of Boot 3.5's Lettuce 6.6.
 */
class Lettuce7OnBoot3Test {

    @Test
    void lettuce7OnNetty41_failsStartUp_sayingToUseBootsLettuce() {
        assertThat(RedisClient.class.getPackage().getImplementationVersion()).startsWith("7.");
        assertThat(io.netty.util.Version.identify().get("netty-common").artifactVersion()).startsWith("4.1.");
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class))
                .withUserConfiguration(TestApp.AppBeans.class)
                .withPropertyValues("appmessage.outbox.store=redis", "appmessage.outbox.redis-uri=redis://127.0.0.1:1")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("appmessage.outbox.store=redis: Lettuce 7.")
                        .hasStackTraceContaining("does not run on the app's Netty 4.1.")
                        .hasStackTraceContaining("declare io.lettuce:lettuce-core without a version"));
    }
}
