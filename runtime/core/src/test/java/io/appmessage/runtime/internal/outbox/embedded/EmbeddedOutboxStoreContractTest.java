package io.appmessage.runtime.internal.outbox.embedded;

import io.appmessage.runtime.internal.outbox.OutboxStoreContract;
import io.appmessage.runtime.outbox.OutboxSettings;
import io.appmessage.runtime.spi.OutboxStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded store: reopening is a restart on the same data directory. */
class EmbeddedOutboxStoreContractTest extends OutboxStoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected OutboxStore open(OutboxSettings settings) {
        return EmbeddedOutboxStore.open(dataDir, settings);
    }
}
