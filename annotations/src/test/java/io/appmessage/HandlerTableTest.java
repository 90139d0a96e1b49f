package io.appmessage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.appmessage.spi.DispatchedCall;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerTableTest {

    private static final HandlerDispatch NOTHING = (from, request, steps) -> { };

    @Test
    void rowsBecomeDescriptorsCalledByTheirIndex() {
        List<HandlerDescriptor> handlers = HandlerTable.describe(NOTHING,
                "com.shop.ShopHandlers#version,,-1,VALUE,version,false",
                "com.shop.Outer$Inner#test,wxapp,0,IMPERATIVE,,true",
                "com.shop.ShopHandlers#stock,,10,ASYNC,stock.level-2,true");

        assertEquals(3, handlers.size());
        HandlerDescriptor version = handlers.get(0);
        assertEquals("com.shop.ShopHandlers#version", version.id());
        assertEquals("", version.plugin());
        assertEquals(-1, version.order());
        assertEquals(HandlerDescriptor.Kind.VALUE, version.kind());
        assertEquals("version", version.key());
        assertFalse(version.blocking());
        HandlerDescriptor test = handlers.get(1);
        assertEquals("com.shop.Outer$Inner#test", test.id());
        assertEquals("wxapp", test.plugin());
        assertEquals("", test.key());
        assertTrue(test.blocking());
        assertEquals("stock.level-2", handlers.get(2).key());
        for (int i = 0; i < handlers.size(); i++) {
            DispatchedCall call = (DispatchedCall) handlers.get(i).call();
            assertSame(NOTHING, call.dispatch());
            assertEquals(i, call.index());
        }
    }

    @Test
    void malformedRows_areRejectedNamingTheRow() {
        for (String row : List.of("a.B#c,,0,VALUE,k", "a.B#c,,x,VALUE,k,true", "a.B#c,,0,SOMETIMES,k,true",
                "a.B#c,,0,VALUE,k,maybe", "a.B#c,,0,VALUE,,true")) {
            var e = assertThrows(IllegalArgumentException.class, () -> HandlerTable.describe(NOTHING, row));
            assertTrue(e.getMessage().contains("\"" + row + "\""), e.getMessage());
        }
    }

    @Test
    void join_keepsTheOrderOfItsParts() {
        assertArrayEquals(new String[] {"a", "b", "c"},
                HandlerTable.join(new String[] {"a"}, new String[] {}, new String[] {"b", "c"}));
    }
}
