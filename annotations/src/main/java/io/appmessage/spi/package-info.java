/**
 * The contract that generated code implements: the annotation processor writes a {@code HandlerRegister}
 * implementing {@link io.appmessage.spi.HandlerRegistry}, describing each handler with a {@link
 * io.appmessage.spi.HandlerDescriptor}, and JSON writers for records through {@link
 * io.appmessage.spi.JsonWriter}. Handler authors never need these types; the runtime and the processor do.
 */
package io.appmessage.spi;
