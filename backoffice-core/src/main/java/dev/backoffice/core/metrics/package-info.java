/**
 * Metrics an operator watches, through a small SPI ({@link dev.backoffice.core.metrics.MetricsRecorder},
 * a no-op unless the application passes one) and the names of the meters
 * ({@link dev.backoffice.core.metrics.Meters}). Micrometer is an optional dependency, used only by
 * {@code dev.backoffice.core.metrics.micrometer} when the application hands over a {@code MeterRegistry}.
 */
package dev.backoffice.core.metrics;
