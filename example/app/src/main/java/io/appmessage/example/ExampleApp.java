package io.appmessage.example;

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
        ExampleServer server = ExampleServer.start(environment);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "appmessage-example-shutdown"));
        System.out.println(LISTENING + server.pageUrl());
        System.out.flush();
    }
}
