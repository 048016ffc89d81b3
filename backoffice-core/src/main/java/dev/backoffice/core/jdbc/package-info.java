/**
 * The thin JDBC helper every store uses: transactions that retry serialization failures and
 * deadlocks, reruns after an unknown commit outcome, dialect differences (H2, PostgreSQL), schema
 * installation and the embedded database.
 */
package dev.backoffice.core.jdbc;
