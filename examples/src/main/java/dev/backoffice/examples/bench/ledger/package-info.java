/**
 * Ledger benchmarks, in memory and on H2 and PostgreSQL.
 */
package dev.backoffice.examples.bench.ledger;
