package io.appmessage.runtime.internal.outbox;

import java.util.List;

/**
 * Closes resources in order, every one even when an earlier one fails; the first failure is thrown with the
 * later ones suppressed.
 *
 * <pre>{@code
 * CloseAll.close("the outbox", List.of(signal, store, redisEndpoint));
 * }</pre>
 */
public final class CloseAll {
    private CloseAll() {
    }

    /** @throws IllegalStateException naming {@code what} when any resource failed to close */
    public static void close(String what, List<? extends AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing " + what + " failed: " + e, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
