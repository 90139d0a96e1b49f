/** A plugin's handlers, switched off with {@code appmessage.disabled-plugins=shop}. */
@AppMessagePlugin("shop")
package io.appmessage.spring.test.shop;

import io.appmessage.AppMessagePlugin;
