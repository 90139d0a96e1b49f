package com.shop;

import com.shop.notices.Notice;
import io.appmessage.AppMessage;
import io.appmessage.AppMessageRequest;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.Generated;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerDispatch;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.HandlerSteps;
import io.appmessage.spi.HandlerTable;
import io.appmessage.spi.JsonSink;
import io.appmessage.spi.JsonWriter;
import io.appmessage.spi.JsonWriters;
import java.util.List;

/**
 * The AppMessage handlers and JSON writers of this compilation, written by the AppMessage
 * annotation processor from its {@code @OnAppMessageRequest} methods and records.
 * Do not edit: it is rewritten on every build.
 *
 * <p>The runtime finds it with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.appmessage.spi.HandlerRegistry}, calls {@link #handlers} once at
 * start-up, and then runs the handlers on every poll through {@code Dispatch.run}, which
 * calls them directly, in order.
 */
@Generated("io.appmessage.processor.AppMessageProcessor")
public final class HandlerRegister implements HandlerRegistry {
    /**
     * Called by {@link java.util.ServiceLoader}; does nothing.
     */
    public HandlerRegister() {
    }

    /**
     * The contract version this register was generated for; the runtime refuses to start
     * with a register whose version it cannot run.
     */
    @Override
    public int contractVersion() {
        return 4;
    }

    @Override
    public List<HandlerDescriptor> handlers(InstanceProvider instances) {
        return HandlerTable.describe(new Dispatch(instances),
                "com.shop.ShopHandlers#version,,-1,VALUE,version,false",
                "com.shop.ShopHandlers#lines,,0,VALUE,lines,true",
                "com.shop.ShopHandlers#status,,0,VALUE,order_status,true",
                "com.shop.ShopHandlers#test,,0,IMPERATIVE,,true",
                "com.shop.ShopHandlers#audit,,10,ASYNC,,true",
                "com.shop.ShopHandlers#stock,,10,ASYNC,stock,true");
    }

    @Override
    public void registerWriters(JsonWriters writers) {
        writers.register(OrderStatus.class, new Writers(0));
        writers.register(OrderStatus.Line.class, new Writers(1));
        writers.register(Notice.class, new Writers(2));
    }

    /**
     * Writes the records of this compilation as JSON objects, without reflection: one instance per
     * record, registered by {@code registerWriters}, writes the components in declaration order.
     */
    private static final class Writers implements JsonWriter<Object> {
        private final int record;

        Writers(int record) {
            this.record = record;
        }

        @Override
        public void write(Object value, JsonSink sink) {
            switch (record) {
                case 0:
                    write0((OrderStatus) value, sink);
                    return;
                case 1:
                    write1((OrderStatus.Line) value, sink);
                    return;
                case 2:
                    write2((Notice) value, sink);
                    return;
                default:
                    throw new IllegalStateException("no record " + record);
            }
        }

        private static void write0(OrderStatus value, JsonSink sink) {
            sink.beginObject();
            sink.name("user_id");
            sink.string(value.userId());
            sink.name("order_no");
            sink.string(value.orderNo());
            sink.name("stage");
            sink.value(value.stage());
            sink.name("lines");
            sink.value(value.lines());
            sink.name("note");
            sink.value(value.note());
            sink.endObject();
        }

        private static void write1(OrderStatus.Line value, JsonSink sink) {
            sink.beginObject();
            sink.name("sku");
            sink.string(value.sku());
            sink.name("quantity");
            sink.number(value.quantity());
            sink.name("unitPrice");
            sink.number(value.unitPrice());
            sink.name("gift");
            sink.bool(value.gift());
            sink.name("grade");
            sink.string(String.valueOf(value.grade()));
            sink.endObject();
        }

        private static void write2(Notice value, JsonSink sink) {
            sink.beginObject();
            sink.name("title");
            sink.string(value.title());
            sink.name("sentAt");
            sink.number(value.sentAt());
            sink.endObject();
        }
    }

    /**
     * Calls the handlers directly, in order; a failing handler is caught and the run goes on with
     * the next. The runtime makes one call per poll into {@link #run} instead of one per handler.
     */
    private static final class Dispatch implements HandlerDispatch {
        private final ShopHandlers shopHandlers;

        Dispatch(InstanceProvider instances) {
            ShopHandlers shopHandlers = instances.get(ShopHandlers.class);
            this.shopHandlers = shopHandlers != null ? shopHandlers : new ShopHandlers();
        }

        @SuppressWarnings("fallthrough")
        @Override
        public void run(int from, AppMessageRequest request, HandlerSteps steps) {
            AppMessage message;
            int next = from;
            while (true) {
                try {
                    switch (next) {
                        case 0:
                            if (steps.begin(0) == null) return;
                            steps.returned(ShopHandlers.version());
                        case 1:
                            if (steps.begin(1) == null) return;
                            steps.returned(ShopHandlers.lines());
                        case 2:
                            if (steps.begin(2) == null) return;
                            steps.returned(this.shopHandlers.status(request));
                        case 3:
                            if ((message = steps.begin(3)) == null) return;
                            ShopHandlers.test(message);
                            steps.returned(null);
                        case 4:
                            if ((message = steps.begin(4)) == null) return;
                            steps.returned(this.shopHandlers.audit(message));
                        case 5:
                            if ((message = steps.begin(5)) == null) return;
                            steps.returned(this.shopHandlers.stock(message, request));
                        default:
                            return;
                    }
                } catch (Throwable error) {
                    next = steps.threw(error);
                }
            }
        }
    }
}
