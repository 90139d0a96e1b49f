package io.appmessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import io.appmessage.spi.HandlerCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerInstances;

class HandlerDescriptorTest {

    private static final HandlerCall NOTHING = (request, message) -> null;

    @Test
    void valueHandlerWithoutKey_isRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> HandlerDescriptor.value("a.B#c", "", 0, "", NOTHING));
        assertTrue(e.getMessage().contains("a.B#c"), e.getMessage());
    }

    @Test
    void imperativeHandlerWithKey_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> HandlerDescriptor.of("a.B#c", "", 0, HandlerDescriptor.Kind.IMPERATIVE, "k", NOTHING));
    }

    @Test
    void asyncHandler_mayHaveNoKey() {
        var d = HandlerDescriptor.async("a.B#c", "wxapp", 3, "", NOTHING);
        assertEquals(HandlerDescriptor.Kind.ASYNC, d.kind());
        assertTrue(d.inPlugin());
        assertFalse(HandlerDescriptor.imperative("a.B#d", "", 0, NOTHING).inPlugin());
    }

    @Test
    void handlersBlockUnlessDescribedNonBlocking() {
        var blocking = HandlerDescriptor.value("a.B#c", "", 0, "k", NOTHING);
        var nonBlocking = blocking.nonBlocking();
        assertTrue(blocking.blocking());
        assertFalse(nonBlocking.blocking());
        assertEquals("k", nonBlocking.key());
        assertSame(NOTHING, nonBlocking.call());
        assertSame(nonBlocking, nonBlocking.nonBlocking());
        assertFalse(HandlerDescriptor.of("a.B#d", "", 0, HandlerDescriptor.Kind.IMPERATIVE, "", false, NOTHING).blocking());
        assertEquals("HandlerDescriptor[VALUE a.B#c -> k, order 0, non-blocking]", nonBlocking.toString());
        assertEquals("HandlerDescriptor[VALUE a.B#c -> k, order 0]", blocking.toString());
    }

    @Test
    void provideOrCreate_prefersTheProvidersInstance() {
        var provided = new StringBuilder("provided");
        InstanceProvider provider = new InstanceProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Class<T> type) {
                return type == StringBuilder.class ? (T) provided : null;
            }
        };
        assertSame(provided, HandlerInstances.provideOrCreate(provider, StringBuilder.class, StringBuilder::new));
        assertEquals("", HandlerInstances.provideOrCreate(InstanceProvider.NONE, StringBuilder.class, StringBuilder::new).toString());
    }

    @Test
    void provide_withoutInstance_namesTheClassAndTheFix() {
        var e = assertThrows(IllegalStateException.class,
                () -> HandlerInstances.provide(InstanceProvider.NONE, StringBuilder.class));
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
        assertTrue(e.getMessage().contains("instanceProvider("), e.getMessage());
    }
}
