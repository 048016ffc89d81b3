/** The JDBC inventory store (PostgreSQL, H2 in PostgreSQL mode). */
package dev.backoffice.inventory.jdbc;
