package io.appmessage.spring.test;

import io.appmessage.metrics.AppMessageMetrics;
import io.appmessage.spring.AppMessageAutoConfiguration;
import io.appmessage.spring.AppMessageManagementListener;
import io.appmessage.spring.AppMessageMetricsConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the management listener runs, when not, and start-up errors that name the property. */
class ManagementListenerSwitchTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AppMessageAutoConfiguration.class, AppMessageMetricsConfiguration.class))
            .withUserConfiguration(TestApp.AppBeans.class);

    @Test
    void withoutThePortProperty_nothingListens_butTheMetersAreThere() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AppMessageMetrics.class)
                    .doesNotHaveBean(AppMessageManagementListener.class);
        });
    }

    @Test
    void thePortIsOpenWhileTheContextRuns_andClosedAfter() throws IOException {
        int port = freePort();
        runner.withPropertyValues("appmessage.management.port=" + port).run(context -> {
            assertThat(context.getBean(AppMessageManagementListener.class).port()).isEqualTo(port);
            assertThat(Http.get(port, "/metrics").statusCode()).isEqualTo(200);
            assertThat(Http.get(port, "/console").statusCode()).as("no admin token: no console").isEqualTo(404);
        });
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 2000))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void withoutAppMessageMetrics_nothingIsSetUp() {
        runner.withClassLoader(new FilteredClassLoader(AppMessageMetrics.class))
                .withPropertyValues("appmessage.management.port=0")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AppMessageManagementListener.class)
                        .doesNotHaveBean("appMessageMeters"));
    }

    @Test
    void aShortAdminToken_failsStartUp_namingTheProperty_notTheToken() {
        runner.withPropertyValues("appmessage.management.port=0", "appmessage.management.admin-token=secret-7")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("appmessage.management.admin-token is not valid")
                        .hasStackTraceContaining("at least 16 characters")
                        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("secret-7")));
    }

    @Test
    void aPortInUse_failsStartUp_namingTheProperty() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            runner.withPropertyValues("appmessage.management.port=" + taken.getLocalPort())
                    .run(context -> assertThat(context).hasFailed().getFailure()
                            .hasStackTraceContaining("appmessage.management.port=" + taken.getLocalPort()));
        }
    }

    @Test
    void aBadPort_failsStartUp_namingTheProperty() {
        runner.withPropertyValues("appmessage.management.port=70000")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("appmessage.management.port is not valid"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
