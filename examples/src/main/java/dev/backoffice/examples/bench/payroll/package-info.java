/**
 * Payroll benchmarks.
 */
package dev.backoffice.examples.bench.payroll;
