package io.appmessage.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.appmessage.processor.support.Compilations.compile;
import static io.appmessage.processor.support.Compilations.fixtures;
import static io.appmessage.processor.support.Compilations.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.InstanceProvider;
import io.appmessage.processor.support.GeneratedCode;
import io.appmessage.processor.support.RecordedPushes;
import io.appmessage.processor.support.StringJsonSink;
import io.appmessage.processor.support.TestRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2, "Tests": one test per accepted form, driving the generated code itself: the registry is
 * loaded from the compilation's class output and its handlers are called as the runtime calls them.
 */
class AcceptedFormsTest {

    private static Compilation shop;
    private static HandlerRegistry registry;
    private static List<HandlerDescriptor> handlers;
    private static StringJsonSink json;

    @BeforeAll
    static void compileShop() {
        // -Xlint (without "processing": unclaimed annotations are by design): generated code must not add warnings to builds that fail on them (-Werror)
        shop = compile(fixtures("shop/ShopHandlers.java", "shop/OrderStatus.java", "shop/Notice.java"),
                "-Xlint:all,-processing");
        assertThat(shop).succeededWithoutWarnings();
        registry = new GeneratedCode(shop).registry("com.shop.HandlerRegister");
        handlers = registry.handlers(InstanceProvider.NONE);
        json = new StringJsonSink();
        registry.registerWriters(json);
    }

    private static HandlerDescriptor handler(String method) {
        return handlers.stream().filter(h -> h.id().equals("com.shop.ShopHandlers#" + method)).findFirst()
                .orElseThrow(() -> new AssertionError("no handler " + method + " in " + handlers));
    }

    @Test
    void handlers_areSortedByOrderThenClassThenMethod() {
        assertEquals(List.of("com.shop.ShopHandlers#version", "com.shop.ShopHandlers#lines",
                        "com.shop.ShopHandlers#status", "com.shop.ShopHandlers#test",
                        "com.shop.ShopHandlers#audit", "com.shop.ShopHandlers#stock"),
                handlers.stream().map(HandlerDescriptor::id).toList());
        assertThrows(UnsupportedOperationException.class, () -> handlers.add(handlers.get(0)));
    }

    @Test
    void staticVoidHandler_pushesThroughAppMessage() throws Exception {
        HandlerDescriptor test = handler("test");
        RecordedPushes pushes = new RecordedPushes();

        assertNull(test.call().call(new TestRequest(null, Map.of()), pushes));

        assertEquals(HandlerDescriptor.Kind.IMPERATIVE, test.kind());
        assertEquals("", test.key());
        assertEquals("", test.plugin());
        assertEquals(Map.of("test_msg", "测试消息"), pushes.pushed());
    }

    @Test
    void staticValueHandlerWithoutParameters_returnsValueForItsKey() throws Exception {
        HandlerDescriptor version = handler("version");

        assertEquals("1.0", version.call().call(new TestRequest(null, Map.of()), new RecordedPushes()));
        assertEquals(HandlerDescriptor.Kind.VALUE, version.kind());
        assertEquals("version", version.key());
        assertEquals(-1, version.order());
    }

    @Test
    void instanceValueHandler_returnsRecordWrittenAsSnakeCaseJson() throws Exception {
        HandlerDescriptor status = handler("status");

        Object value = status.call().call(new TestRequest("alice", Map.of()), new RecordedPushes());

        assertEquals("order_status", status.key());
        assertEquals("{\"user_id\":\"alice\",\"order_no\":\"A-1001\",\"stage\":\"SHIPPED\","
                + "\"lines\":[{\"sku\":\"tea\",\"quantity\":2,\"unitPrice\":3.5,\"gift\":false,\"grade\":\"A\"}],"
                + "\"note\":null}", json.write(value));
    }

    @Test
    void instanceValueHandler_returnsNullForAnonymousPoll() throws Exception {
        assertNull(handler("status").call().call(new TestRequest(null, Map.of()), new RecordedPushes()));
    }

    @Test
    void arrayOfNestedRecords_isWrittenThroughGeneratedWriters() throws Exception {
        Object value = handler("lines").call().call(new TestRequest(null, Map.of()), new RecordedPushes());

        assertEquals("[{\"sku\":\"cake\",\"quantity\":1,\"unitPrice\":0.25,\"gift\":true,\"grade\":\"B\"}]",
                json.write(value));
    }

    @Test
    void asyncHandlerWithKey_returnsStageOfValue_parametersInAnyOrder() throws Exception {
        HandlerDescriptor stock = handler("stock");

        Object stage = stock.call().call(new TestRequest(null, Map.of("tea", "7")), new RecordedPushes());

        assertEquals(HandlerDescriptor.Kind.ASYNC, stock.kind());
        assertEquals("stock", stock.key());
        assertEquals(Map.of("tea", 7), ((CompletionStage<?>) stage).toCompletableFuture().join());
    }

    @Test
    void asyncVoidHandler_pushesItselfAndHasNoKey() throws Exception {
        HandlerDescriptor audit = handler("audit");
        RecordedPushes pushes = new RecordedPushes();

        Object stage = audit.call().call(new TestRequest(null, Map.of()), pushes);

        assertEquals(HandlerDescriptor.Kind.ASYNC, audit.kind());
        assertEquals("", audit.key());
        assertNull(((CompletionStage<?>) stage).toCompletableFuture().join());
        assertEquals(Map.of("audited", true), pushes.pushed());
    }

    @Test
    void checkedExceptionOfHandler_propagatesThroughCall() {
        assertThrows(NumberFormatException.class, () -> handler("stock").call()
                .call(new TestRequest(null, Map.of("tea", "many")), new RecordedPushes()));
    }

    @Test
    void appMessageDataRecordPushedOnlyImperatively_getsAWriter() {
        Class<?> notice = new GeneratedCode(shop).type("com.shop.notices.Notice");
        // a fresh loader: records of this compilation, written through the writers its registry registers
        GeneratedCode code = new GeneratedCode(shop);
        StringJsonSink sink = new StringJsonSink();
        code.registry("com.shop.HandlerRegister").registerWriters(sink);
        Object value = newNotice(code.type("com.shop.notices.Notice"));

        assertEquals("{\"title\":\"Shipped\",\"sentAt\":42}", sink.write(value));
        assertTrue(notice.isRecord());
    }

    @Test
    void packagePrivateRecordInAnotherPackage_isWrittenThroughItsOwnWriterClass() throws Exception {
        Compilation hidden = compile(fixtures("hidden/HiddenHandlers.java", "hidden/Receipt.java"));
        assertThat(hidden).succeededWithoutWarnings();
        GeneratedCode code = new GeneratedCode(hidden);
        StringJsonSink sink = new StringJsonSink();
        code.registry("com.hidden.HandlerRegister").registerWriters(sink);
        java.lang.reflect.Constructor<?> constructor = code.type("com.hidden.model.Receipt")
                .getDeclaredConstructor(String.class, long.class, boolean.class);
        constructor.setAccessible(true);

        assertEquals("{\"order_no\":\"A-7\",\"total_cents\":1250,\"paid\":true}",
                sink.write(constructor.newInstance("A-7", 1250L, true)));
    }

    @Test
    void instancesOfHandlerClasses_areCreatedOncePerHandlersCall() throws Exception {
        // status and stock share one ShopHandlers object: the provider is asked once for the class
        List<Class<?>> asked = new java.util.ArrayList<>();
        registry.handlers(new InstanceProvider() {
            @Override
            public <T> T get(Class<T> type) {
                asked.add(type);
                return null;
            }
        });
        assertEquals(List.of("com.shop.ShopHandlers"), asked.stream().map(Class::getName).toList());
    }

    @Test
    void servicesFile_listsTheRegistry() {
        assertEquals("com.shop.HandlerRegister\n",
                resource(shop, "META-INF/services/io.appmessage.spi.HandlerRegistry"));
    }

    @Test
    void classWithoutNoArgConstructor_isTakenFromInstanceProvider() throws Exception {
        Compilation compilation = compile(fixtures("injected/InjectedHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        GeneratedCode code = new GeneratedCode(compilation);
        HandlerRegistry injected = code.registry("com.injected.HandlerRegister");
        Object instance = code.type("com.injected.InjectedHandlers").getConstructor(String.class).newInstance("hello");

        List<HandlerDescriptor> provided = injected.handlers(new InstanceProvider() {
            @Override
            public <T> T get(Class<T> type) {
                return type.cast(instance);
            }
        });

        assertEquals("hello", provided.get(0).call().call(new TestRequest(null, Map.of()), new RecordedPushes()));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> injected.handlers(InstanceProvider.NONE));
        assertTrue(missing.getMessage().contains("[AppMessage-NoInstance] com.injected.InjectedHandlers"),
                missing.getMessage());
    }

    @Test
    void pluginPackage_holdsTheRegistryAndNamesThePlugin() throws Exception {
        Compilation compilation = compile(fixtures("plugin/package-info.java", "plugin/WxHandlers.java"),
                "-Aappmessage.class=WxHandlerRegister", "-Aappmessage.package=com.ignored");
        assertThat(compilation).succeededWithoutWarnings();
        List<HandlerDescriptor> wx = new GeneratedCode(compilation).registry("com.plugin.wx.WxHandlerRegister")
                .handlers(InstanceProvider.NONE);
        RecordedPushes pushes = new RecordedPushes();

        wx.get(0).call().call(new TestRequest(null, Map.of()), pushes);

        assertEquals("wxapp", wx.get(0).plugin());
        assertEquals(Map.of("wx_hello", "hi"), pushes.pushed());
        assertEquals("com.plugin.wx.WxHandlerRegister\n",
                resource(compilation, "META-INF/services/io.appmessage.spi.HandlerRegistry"));
    }

    @Test
    void handlersInSeveralPackages_registryGoesToLongestCommonPackage() throws Exception {
        Compilation compilation = compile(fixtures("spread/AHandlers.java", "spread/BHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        List<HandlerDescriptor> spread = new GeneratedCode(compilation).registry("com.spread.HandlerRegister")
                .handlers(InstanceProvider.NONE);

        assertEquals(List.of(1, 2L), List.of(
                spread.get(0).call().call(new TestRequest(null, Map.of()), new RecordedPushes()),
                spread.get(1).call().call(new TestRequest(null, Map.of()), new RecordedPushes())));
    }

    @Test
    void packageOption_placesTheRegistryWhenNoPluginPackage() {
        Compilation compilation = compile(fixtures("spread/AHandlers.java", "spread/BHandlers.java"),
                "-Aappmessage.package=com.elsewhere", "-Aappmessage.class=SpreadRegister");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.elsewhere.SpreadRegister");
    }

    @Test
    void packageWithTypesNamedStringOverrideAndList_compilesAndWritesJson() throws Exception {
        // generated code sits in the handlers' package, where String, Override and List mean the user's types
        Compilation compilation = compile(fixtures("clash/ClashHandlers.java", "clash/String.java",
                "clash/Override.java", "clash/List.java"), "-Xlint:all,-processing");
        assertThat(compilation).succeededWithoutWarnings();
        GeneratedCode code = new GeneratedCode(compilation);
        HandlerRegistry clash = code.registry("clash.HandlerRegister");
        StringJsonSink sink = new StringJsonSink();
        clash.registerWriters(sink);
        Map<String, Object> values = new java.util.TreeMap<>();
        for (HandlerDescriptor handler : clash.handlers(InstanceProvider.NONE)) {
            values.put(handler.key(), handler.call().call(new TestRequest(null, Map.of()), new RecordedPushes()));
        }

        assertEquals("{\"initial\":\"x\",\"text\":\"yes\"}", sink.write(values.get("word")));
        assertEquals("{\"size\":3}", sink.write(values.get("list")));
        assertEquals("[\"a\",\"b\"]", sink.write(values.get("names")));
    }

    @Test
    void recordsInTypeArgumentsOfGenericRecords_getWriters_selfExpandingRecordTerminates() throws Exception {
        Compilation compilation = compile(fixtures("generic/GenericHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        HandlerRegistry generic = new GeneratedCode(compilation).registry("com.generic.HandlerRegister");
        StringJsonSink sink = new StringJsonSink();
        generic.registerWriters(sink);
        Map<String, Object> values = new java.util.TreeMap<>();
        for (HandlerDescriptor handler : generic.handlers(InstanceProvider.NONE)) {
            values.put(handler.key(), handler.call().call(new TestRequest(null, Map.of()), new RecordedPushes()));
        }

        assertEquals("{\"first\":1,\"second\":{\"k\":{\"name\":\"x\"}}}", sink.write(values.get("pair")));
        assertEquals("{\"items\":[{\"first\":\"a\",\"second\":{\"label\":\"new\"}}],\"total\":1}",
                sink.write(values.get("page")));
        assertEquals("{\"value\":\"top\",\"deeper\":null}", sink.write(values.get("nest")));
    }

    @Test
    void floatComponent_isWrittenAsItsShortestDecimal_notWidenedToDouble() throws Exception {
        Compilation compilation = compile(fixtures("numbers/NumberHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        HandlerRegistry numbers = new GeneratedCode(compilation).registry("com.numbers.HandlerRegister");
        StringJsonSink sink = new StringJsonSink();
        numbers.registerWriters(sink);
        Object measure = numbers.handlers(InstanceProvider.NONE).stream().filter(h -> h.key().equals("measure"))
                .findFirst().orElseThrow().call().call(new TestRequest(null, Map.of()), new RecordedPushes());

        // (double) 0.1f is 0.10000000149011612
        assertEquals("{\"ratio\":0.1,\"exact\":0.1,\"count\":7}", sink.write(measure));
    }

    @Test
    void mapsWithIntegralNumberKeys_compile_andKeysAreWrittenAsText() throws Exception {
        Compilation compilation = compile(fixtures("numbers/NumberHandlers.java"));
        assertThat(compilation).succeededWithoutWarnings();
        HandlerRegistry numbers = new GeneratedCode(compilation).registry("com.numbers.HandlerRegister");
        StringJsonSink sink = new StringJsonSink();
        numbers.registerWriters(sink);
        Object byId = numbers.handlers(InstanceProvider.NONE).stream().filter(h -> h.key().equals("by_id"))
                .findFirst().orElseThrow().call().call(new TestRequest(null, Map.of()), new RecordedPushes());

        assertEquals("{\"7\":{\"bySku\":{\"42\":3},\"bySize\":{\"38\":\"M\"}}}", sink.write(byId));
    }

    private static Object newNotice(Class<?> type) {
        try {
            return type.getConstructor(String.class, long.class).newInstance("Shipped", 42L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
