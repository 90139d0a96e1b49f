package io.appmessage.example.spring;

import io.appmessage.AppMessageData;

/** A user's latest order, as the mini-program's order page reads it. */
@AppMessageData(naming = AppMessageData.Naming.SNAKE_CASE)
public record OrderStatus(String userId, String orderNo, String status) {
}
