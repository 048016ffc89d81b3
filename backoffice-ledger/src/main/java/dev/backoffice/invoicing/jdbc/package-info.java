/** The JDBC invoice store: PostgreSQL in production, embedded H2 (PostgreSQL mode) by default. */
package dev.backoffice.invoicing.jdbc;
