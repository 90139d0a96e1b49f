package io.appmessage.runtime;

import io.appmessage.spi.HandlerRegistry;

import java.util.Map;

/** Test servers: loopback, a free port, no environment overrides. */
final class Servers {

    private Servers() {
    }

    static AppMessageServer.Builder builder(HandlerRegistry... registries) {
        return AppMessageServer.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(Map.of())
                .registries(registries);
    }

    static AppMessageServer start(HandlerRegistry... registries) {
        return builder(registries).build().start();
    }
}
