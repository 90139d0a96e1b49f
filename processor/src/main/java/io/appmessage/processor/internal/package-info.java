/**
 * The processor's internals, not an API: read ({@code HandlerReader}, {@code RecordReader},
 * {@code PluginReader}) → validate ({@code HandlerValidator}, {@code RegistryValidator},
 * {@code JsonTypes}) → write ({@code RegisterGenerator}, {@code JsonWriterGenerator},
 * {@code ServicesFile}), driven round by round by {@code CompilationRun}. All diagnostics go
 * through {@code Reporter}, with texts from {@code Messages}.
 */
package io.appmessage.processor.internal;
