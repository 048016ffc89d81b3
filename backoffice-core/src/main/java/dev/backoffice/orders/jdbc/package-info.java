/**
 * The JDBC order store (H2 and PostgreSQL) with optimistic versioning.
 */
package dev.backoffice.orders.jdbc;
