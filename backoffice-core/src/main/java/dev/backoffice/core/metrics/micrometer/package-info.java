/**
 * The Micrometer implementation of the metrics SPI. The only package of the SDK that uses
 * Micrometer, an optional dependency: applications without Micrometer never load it.
 */
package dev.backoffice.core.metrics.micrometer;
