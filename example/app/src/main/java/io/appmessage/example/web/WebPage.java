package io.appmessage.example.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.MimeMappings;

/**
 * The browser page: the jar's {@code web/} folder ({@code index.html}, {@code app.js},
 * {@code style.css}, and {@code lib/} — the mini-program's client files, copied in at build time).
 *
 * <pre>{@code
 * Handlers.path(WebPage.handler()).addExactPath("/api/message/index", poll);
 * }</pre>
 */
public final class WebPage {

    private WebPage() {
    }

    /** Serves {@code web/} from the class path, {@code index.html} at {@code /}, 404 for anything else. */
    public static HttpHandler handler() {
        ClassPathResourceManager resources = new ClassPathResourceManager(WebPage.class.getClassLoader(), "web");
        return new ResourceHandler(resources)
                .setWelcomeFiles("index.html")
                .setMimeMappings(utf8Types());
    }

    /** Explicit charsets: the page and the client are full of Chinese (测试消息), whatever the browser guesses. */
    private static MimeMappings utf8Types() {
        return MimeMappings.builder(true)
                .addMapping("html", "text/html; charset=utf-8")
                .addMapping("js", "text/javascript; charset=utf-8")
                .addMapping("css", "text/css; charset=utf-8")
                .build();
    }
}
