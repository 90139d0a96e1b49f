package io.appmessage.example.demo;

import io.appmessage.runtime.outbox.AppMessageOutbox;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.outbox.RedisOutboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the example's outbox from the environment: the embedded store under
 * {@value #DATA_DIR} (default {@code ./appmessage-data}), or, when {@value #REDIS_URI} is set, Redis
 * Streams shared by several nodes.
 *
 * <pre>{@code
 * try (AppMessageOutbox outbox = ExampleOutbox.open(System.getenv())) { ... }
 * APPMESSAGE_REDIS_URI=redis://127.0.0.1:6379 PORT=8081 java -jar appmessage-example.jar
 * }</pre>
 */
public final class ExampleOutbox {

    /** Directory of the embedded store; one process per directory. */
    public static final String DATA_DIR = "APPMESSAGE_DATA_DIR";
    /** Set it (e.g. {@code redis://127.0.0.1:6379}) to share the outbox between nodes. */
    public static final String REDIS_URI = "APPMESSAGE_REDIS_URI";

    private static final Logger LOG = LoggerFactory.getLogger(ExampleOutbox.class);

    private ExampleOutbox() {
    }

    /** The outbox the environment asks for; the caller closes it after the server. */
    public static AppMessageOutbox open(Map<String, String> environment) {
        String redisUri = environment.get(REDIS_URI);
        if (redisUri != null && !redisUri.isBlank()) {
            AppMessageOutbox outbox = RedisOutboxes.connect(redisUri.strip(), OutboxSettings.defaults());
            LOG.info("targeted messages on Redis ({}): several nodes may share it", REDIS_URI);
            return outbox;
        }
        String dir = environment.get(DATA_DIR);
        Path dataDir = dir == null || dir.isBlank() ? AppMessageOutbox.DEFAULT_DATA_DIR : Path.of(dir.strip());
        AppMessageOutbox outbox = AppMessageOutbox.embedded(dataDir);
        LOG.info("targeted messages stored in {} (embedded, this node only)", dataDir.toAbsolutePath());
        return outbox;
    }
}
