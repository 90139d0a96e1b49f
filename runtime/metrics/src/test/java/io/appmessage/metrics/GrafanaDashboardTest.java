package io.appmessage.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.appmessage.runtime.spi.PollObserver.HandlerOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The Grafana dashboard is JSON and asks only for series the meters publish. */
class GrafanaDashboardTest {

    @Test
    void everySeriesTheDashboardQueriesIsPublished() throws IOException {
        String dashboard = Files.readString(Path.of("grafana", "appmessage-dashboard.json"));
        try (JsonParser parser = new JsonFactory().createParser(ObjectReadContext.empty(), dashboard)) {
            while (parser.nextToken() != null) {
                // reads to the end: a syntax error throws
            }
        }
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AppMessageMetrics metrics = AppMessageMetrics.create();
        metrics.bindTo(prometheus);
        metrics.observer().handlerFinished("h#1", HandlerOutcome.OK, 1_000);
        PrometheusText scrape = PrometheusText.parse(prometheus.scrape());

        Set<String> queried = new TreeSet<>();
        Matcher name = Pattern.compile("appmessage_[a-z_]+").matcher(dashboard);
        while (name.find()) {
            queried.add(name.group());
        }
        assertThat(queried).hasSizeGreaterThan(10);
        for (String series : queried) {
            assertThat(scrape.has(series)).as(series + " is published").isTrue();
        }
    }
}
