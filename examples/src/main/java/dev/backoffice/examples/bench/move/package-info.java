/** Benchmark of moving a tenant between PostgreSQL databases (issue #20), and of the fence's cost per write. */
package dev.backoffice.examples.bench.move;
