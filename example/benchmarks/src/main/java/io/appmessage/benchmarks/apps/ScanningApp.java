package io.appmessage.benchmarks.apps;

import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.spi.JsonSink;
import io.appmessage.spi.JsonWriter;
import io.appmessage.benchmarks.json.StreamingEnvelopeWriter;
import io.appmessage.benchmarks.scan.ScannedHandler;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The comparison for start-up: the same handlers found the way reflective
 * frameworks find them, by scanning the class path with ClassGraph for a run-time annotation, then
 * called with {@link Method#invoke} and records written through {@link RecordComponent}s. Reflection
 * is this class's whole point: it shows what AppMessage's build-time registry saves.
 *
 * <pre>{@code
 * PORT=18081 java -jar target/scanning-app.jar
 * }</pre>
 */
public final class ScanningApp {

    /** Where the handlers live: a framework would scan the app's base package. */
    static final String HANDLER_PACKAGE = "io.appmessage.benchmarks.shop";

    private record Handler(Object target, Method method, String key) {
    }

    private ScanningApp() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        ServerSettings settings = ServerSettings.fromEnvironment();
        List<Handler> handlers = scan();
        StreamingEnvelopeWriter json = new StreamingEnvelopeWriter(new ReflectiveRecordWriters()::writerFor);
        Undertow server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setIoThreads(settings.ioThreads())
                .setWorkerThreads(settings.workerThreads())
                .setHandler(exchange -> {
                    if (!exchange.getRequestPath().equals(settings.path())) {
                        exchange.setStatusCode(StatusCodes.NOT_FOUND);
                        exchange.endExchange();
                    } else if (exchange.isInIoThread()) {
                        exchange.dispatch(() -> poll(exchange, handlers, json));
                    } else {
                        poll(exchange, handlers, json);
                    }
                })
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "scanning-app-stop"));
        System.out.println("scanning app listening on http://" + settings.host() + ":" + settings.port() + settings.path()
                + " with " + handlers.size() + " scanned handlers");
    }

    static List<Handler> scan() throws ReflectiveOperationException {
        List<Handler> handlers = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableMethodInfo().enableAnnotationInfo()
                .acceptPackages(HANDLER_PACKAGE).scan()) {
            for (ClassInfo info : scan.getClassesWithMethodAnnotation(ScannedHandler.class)) {
                Class<?> type = info.loadClass();
                Object instance = null;
                for (Method method : type.getDeclaredMethods()) {
                    ScannedHandler marker = method.getAnnotation(ScannedHandler.class);
                    if (marker == null) {
                        continue;
                    }
                    if (!Modifier.isStatic(method.getModifiers()) && instance == null) {
                        instance = type.getDeclaredConstructor().newInstance();
                    }
                    method.setAccessible(true);
                    handlers.add(new Handler(Modifier.isStatic(method.getModifiers()) ? null : instance, method, marker.value()));
                }
            }
        }
        handlers.sort(Comparator.comparing(h -> h.method().getName()));
        return List.copyOf(handlers);
    }

    private static void poll(HttpServerExchange exchange, List<Handler> handlers, StreamingEnvelopeWriter json) {
        AppMessageRequest request = new ExchangeRequest(exchange);
        Map<String, Object> data = new LinkedHashMap<>();
        AppMessage message = data::put;
        for (Handler handler : handlers) {
            try {
                Class<?>[] types = handler.method().getParameterTypes();
                Object[] args = new Object[types.length];
                for (int i = 0; i < types.length; i++) {
                    args[i] = types[i] == AppMessage.class ? message : request;
                }
                Object value = handler.method().invoke(handler.target(), args);
                if (value != null && !handler.key().isEmpty()) {
                    data.put(handler.key(), value);
                }
            } catch (ReflectiveOperationException e) {
                System.err.println("handler " + handler.method() + " failed: " + e.getCause());
            }
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(json.write(data)));
    }

    /** Record writers by reflection over record components, cached per class, as databind-style libraries do. */
    private static final class ReflectiveRecordWriters {

        private final Map<Class<?>, JsonWriter<Object>> cache = new ConcurrentHashMap<>();

        JsonWriter<Object> writerFor(Class<?> type) {
            return type.isRecord() ? cache.computeIfAbsent(type, ReflectiveRecordWriters::recordWriter) : null;
        }

        private static JsonWriter<Object> recordWriter(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
                components[i].getAccessor().setAccessible(true);
            }
            return (Object value, JsonSink sink) -> {
                sink.beginObject();
                for (int i = 0; i < components.length; i++) {
                    sink.name(names[i]);
                    try {
                        sink.value(components[i].getAccessor().invoke(value));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                sink.endObject();
            };
        }
    }
}
