/**
 * The AppMessage API: annotate methods with {@link io.appmessage.OnAppMessageRequest}, push data
 * through {@link io.appmessage.AppMessage}, and let the annotation processor write the
 * {@link io.appmessage.spi.HandlerRegistry} that the runtime calls on every poll.
 *
 * <p>Handler code compiles against this package only. It has no dependencies.
 */
package io.appmessage;
