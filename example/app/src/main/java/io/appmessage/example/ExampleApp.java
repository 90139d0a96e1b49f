package io.appmessage.example;

import java.net.BindException;
import java.util.Map;

/**
 * The demo shop's entry point: {@code java -jar example/app/target/appmessage-example.jar}.
 *
 * <p>Serves the poll endpoint ({@code /api/message/index}), {@code /health} and the browser page
 * at {@code /}. Configured by the environment only: {@code PORT} (default 8080, 0 = any free
 * port), {@code APPMESSAGE_HOST}, {@code APPMESSAGE_DISABLED_PLUGINS=wxapp} and the other
 * {@code APPMESSAGE_*} variables of the runtime (runtime/README.md, "Configuration").
 *
 * <p>Prints one line to standard output once it listens, with the real port, so scripts and the
 * end-to-end tests that start it with {@code PORT=0} know where it is:
 * <pre>{@code
 * AppMessage example listening on http://localhost:8080/
 * }</pre>
 */
public final class ExampleApp {

    /** The first words of the line printed once the server listens; tests look for it. */
    public static final String LISTENING = "AppMessage example listening on ";

    private ExampleApp() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        ExampleServer server;
        try {
            server = ExampleServer.start(environment);
        } catch (RuntimeException e) {
            if (!causedBy(e, BindException.class)) {
                throw e;
            }
            // the most common first-run problem: say what to do, not a stack trace
            System.err.println("AppMessage example: cannot listen on port " + environment.getOrDefault("PORT", "8080")
                    + " (" + rootMessage(e) + "). Is another server running? Pick a port: PORT=8081 java -jar ...");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "appmessage-example-shutdown"));
        System.out.println(LISTENING + server.pageUrl());
        System.out.flush();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
