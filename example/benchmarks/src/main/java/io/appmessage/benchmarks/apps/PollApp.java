package io.appmessage.benchmarks.apps;

import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.JsonWriters;
import io.appmessage.benchmarks.HandlerRegister;
import io.appmessage.runtime.AppMessageServer;
import io.appmessage.runtime.Identity;
import java.util.List;
import java.util.Optional;

/**
 * The benchmarks' own AppMessage app: the runtime's {@code AppMessageServer} with the ten
 * {@code ShopHandlers} of this module's generated registry (the dispatch benchmark's handlers,
 * also in that registry, are left out). It stands in for the example app in the HTTP benchmarks
 * until that app is built, and serves as a second data point after. The handlers are declared
 * non-blocking, so polls run on the I/O thread; {@value #BLOCKING_VARIABLE}{@code =blocking}
 * describes them as blocking (the default for handlers), so every poll makes the hop to a worker.
 *
 * <pre>{@code
 * PORT=18082 java -jar target/poll-app.jar
 * PORT=18083 SHOP_HANDLERS=blocking java -jar target/poll-app.jar
 * }</pre>
 */
public final class PollApp {

    /** Handler ids of the app's handlers in this module's generated registry. */
    static final String SHOP_PREFIX = "io.appmessage.benchmarks.shop.";
    /** {@code blocking}: the same handlers described as blocking. */
    static final String BLOCKING_VARIABLE = "SHOP_HANDLERS";

    private PollApp() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        // PORT and APPMESSAGE_HOST are read by the runtime from the environment; loopback by default here
        AppMessageServer server = builder().build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "poll-app-stop"));
        System.out.println("poll app listening on port " + server.port() + " with " + server.handlerCount() + " handlers");
    }

    /** The app's server, not yet built: loopback, the shop handlers, demo tokens ({@code demo-alice} is {@code alice}). */
    public static AppMessageServer.Builder builder() {
        return builder("blocking".equals(System.getenv(BLOCKING_VARIABLE)));
    }

    /** {@link #builder()} with the handlers described as blocking or as declared (non-blocking). */
    public static AppMessageServer.Builder builder(boolean blocking) {
        return AppMessageServer.builder()
                .host("127.0.0.1")
                .registries(new ShopOnly(new HandlerRegister(), blocking))
                .authenticator(token -> token.startsWith("demo-") ? Optional.of(Identity.of(token.substring(5))) : Optional.empty());
    }

    /** The generated registry narrowed to the shop handlers; writers pass through unchanged. */
    private record ShopOnly(HandlerRegistry registry, boolean blocking) implements HandlerRegistry {
        @Override
        public List<HandlerDescriptor> handlers(InstanceProvider instances) {
            return registry.handlers(instances).stream().filter(d -> d.id().startsWith(SHOP_PREFIX))
                    .map(d -> blocking ? HandlerDescriptor.of(d.id(), d.plugin(), d.order(), d.kind(), d.key(), true,
                            d.call()) : d)
                    .toList();
        }

        @Override
        public void registerWriters(JsonWriters writers) {
            registry.registerWriters(writers);
        }
    }
}
