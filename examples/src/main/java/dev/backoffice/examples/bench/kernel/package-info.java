/**
 * Kernel benchmarks (id generation, allocation, audit append).
 */
package dev.backoffice.examples.bench.kernel;
