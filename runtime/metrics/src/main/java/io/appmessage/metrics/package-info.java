/**
 * Metrics and the operator console: {@link io.appmessage.metrics.AppMessageMetrics} (Micrometer meters fed
 * by the poll observer) and {@link io.appmessage.metrics.AppMessageManagement} (the management listener:
 * Prometheus {@code /metrics} and the live console).
 */
package io.appmessage.metrics;
