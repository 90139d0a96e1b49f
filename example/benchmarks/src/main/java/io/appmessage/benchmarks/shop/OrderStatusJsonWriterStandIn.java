package io.appmessage.benchmarks.shop;

import io.appmessage.JsonSink;
import io.appmessage.JsonWriter;

/**
 * Stand-in, written by hand in the shape of the processor's generated record writer, used until
 * the processor module is on main.
 */
public final class OrderStatusJsonWriterStandIn implements JsonWriter<OrderStatus> {

    public static final OrderStatusJsonWriterStandIn INSTANCE = new OrderStatusJsonWriterStandIn();

    @Override
    public void write(OrderStatus value, JsonSink sink) {
        sink.beginObject();
        sink.name("user_id");
        sink.string(value.userId());
        sink.name("order_no");
        sink.string(value.orderNo());
        sink.name("status");
        sink.string(value.status());
        sink.endObject();
    }
}
