package io.appmessage.example.peer;

import io.appmessage.example.peer.shop.DemoAuthenticator;
import io.appmessage.example.peer.shop.OrderBook;
import io.appmessage.example.peer.shop.OrderHandlers;
import io.appmessage.runtime.AppMessageServer;

/**
 * The demo shop's handlers (the same classes the Spring Boot app runs) on the standalone server, no Spring:
 * the third side of the starter's benchmark. Listens on 127.0.0.1:{@code $PORT}.
 */
public final class StandaloneShop {

    private StandaloneShop() {
    }

    public static void main(String[] args) throws InterruptedException {
        start(Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"))).awaitShutdown();
    }

    /** The shop's handlers on a started standalone server at 127.0.0.1:{@code port} (0: any free port). */
    public static AppMessageServer start(int port) {
        OrderHandlers orders = new OrderHandlers(new OrderBook());
        return AppMessageServer.builder()
                .host("127.0.0.1")
                .port(port)
                .instanceProvider(new io.appmessage.InstanceProvider() {
                    @Override
                    public <T> T get(Class<T> type) {
                        return type == OrderHandlers.class ? type.cast(orders) : null;
                    }
                })
                .authenticator(new DemoAuthenticator())
                .build()
                .start();
    }
}
