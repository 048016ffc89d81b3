/**
 * Benchmarks (JMH and benchmark programs) with machine-readable results.
 */
package dev.backoffice.examples.bench;
