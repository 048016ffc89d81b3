/**
 * The JDBC document store (H2 and PostgreSQL).
 */
package dev.backoffice.docs.jdbc;
