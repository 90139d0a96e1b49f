/**
 * The demo plugin of the original shop, as its own jar: {@code @AppMessagePlugin("wxapp")} puts
 * the generated {@code HandlerRegister} in this package and tags every handler with the plugin, so
 * the server finds it through {@code ServiceLoader} and can switch it off by name.
 */
@AppMessagePlugin("wxapp")
package io.appmessage.example.wxapp;

import io.appmessage.AppMessagePlugin;
