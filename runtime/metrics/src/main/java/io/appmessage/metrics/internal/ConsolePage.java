package io.appmessage.metrics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The console page as one self-contained HTML document: the page with uPlot's script and style written
 * into it, so the browser fetches nothing from anywhere else. uPlot comes from the npm registry (its version
 * pinned in {@code console/package.json}) and is copied into the jar at build time.
 */
final class ConsolePage {

    private static final String PAGE = "console.html";
    private static final String CHART_SCRIPT = "uPlot.iife.min.js";
    private static final String CHART_STYLE = "uPlot.min.css";

    private ConsolePage() {
    }

    static byte[] load() {
        String page = resource(PAGE);
        String script = resource(CHART_SCRIPT).replace("</script", "<\\/script");
        String style = resource(CHART_STYLE).replace("</style", "<\\/style");
        return page.replace("/*@uplot-css@*/", style).replace("/*@uplot-js@*/", script).getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = ConsolePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console resource " + name + " is missing from the metrics jar"
                        + " (the build copies uPlot from runtime/metrics/console/node_modules: run the build with npm)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
