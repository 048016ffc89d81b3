/**
 * Document archive benchmarks.
 */
package dev.backoffice.examples.bench.docs;
