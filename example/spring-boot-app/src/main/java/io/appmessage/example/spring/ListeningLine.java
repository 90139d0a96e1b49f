package io.appmessage.example.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints {@code AppMessage example listening on http://host:port/} once the web server listens, the
 * line the standalone example prints: scripts (and the e2e suite) learn the port bound for {@code PORT=0}.
 */
@Component
public class ListeningLine implements ApplicationListener<WebServerInitializedEvent> {

    private final String host;

    public ListeningLine(@Value("${server.address:localhost}") String host) {
        this.host = host;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // the app's server, not management's
            System.out.println("AppMessage example listening on http://" + host + ":" + event.getWebServer().getPort() + "/");
        }
    }
}
