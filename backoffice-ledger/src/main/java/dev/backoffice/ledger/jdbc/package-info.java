/**
 * The JDBC ledger store (H2 and PostgreSQL) with group commit.
 */
package dev.backoffice.ledger.jdbc;
