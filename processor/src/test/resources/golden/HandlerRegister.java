package com.shop;

import com.shop.notices.Notice_JsonWriter;
import io.appmessage.InstanceProvider;
import io.appmessage.spi.Generated;
import io.appmessage.spi.HandlerDescriptor;
import io.appmessage.spi.HandlerInstances;
import io.appmessage.spi.HandlerRegistry;
import io.appmessage.spi.JsonWriters;
import java.util.List;

/**
 * The AppMessage handlers and JSON writers of this compilation, written by the AppMessage
 * annotation processor from its {@code @OnAppMessageRequest} methods and records.
 * Do not edit: it is rewritten on every build.
 *
 * <p>The runtime finds it with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.appmessage.spi.HandlerRegistry}, calls {@link #handlers} once at
 * start-up, and then runs each handler on every poll through the lambdas below.
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
        return 3;
    }

    @Override
    public List<HandlerDescriptor> handlers(InstanceProvider instances) {
        ShopHandlers shopHandlers = HandlerInstances.provideOrCreate(instances, ShopHandlers.class, ShopHandlers::new);
        HandlerDescriptor[] handlers = new HandlerDescriptor[6];
        handlers[0] = HandlerDescriptor.value("com.shop.ShopHandlers#version", "", -1, "version", (request, message) -> ShopHandlers.version()).nonBlocking();
        handlers[1] = HandlerDescriptor.value("com.shop.ShopHandlers#lines", "", 0, "lines", (request, message) -> ShopHandlers.lines());
        handlers[2] = HandlerDescriptor.value("com.shop.ShopHandlers#status", "", 0, "order_status", (request, message) -> shopHandlers.status(request));
        handlers[3] = HandlerDescriptor.imperative("com.shop.ShopHandlers#test", "", 0, (request, message) -> {
            ShopHandlers.test(message);
            return null;
        });
        handlers[4] = HandlerDescriptor.async("com.shop.ShopHandlers#audit", "", 10, "", (request, message) -> shopHandlers.audit(message));
        handlers[5] = HandlerDescriptor.async("com.shop.ShopHandlers#stock", "", 10, "stock", (request, message) -> shopHandlers.stock(message, request));
        return List.of(handlers);
    }

    @Override
    public void registerWriters(JsonWriters writers) {
        OrderStatus_JsonWriter.register(writers);
        OrderStatus_Line_JsonWriter.register(writers);
        Notice_JsonWriter.register(writers);
    }
}
