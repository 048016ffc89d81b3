/**
 * Logging support: the SLF4J MDC keys the SDK sets while it runs ({@link dev.backoffice.core.logging.LogContext}).
 * The libraries log through {@code slf4j-api} only; the application picks the binding.
 */
package dev.backoffice.core.logging;
