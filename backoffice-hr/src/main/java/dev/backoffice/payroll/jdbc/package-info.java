/**
 * The JDBC payroll store (H2 and PostgreSQL).
 */
package dev.backoffice.payroll.jdbc;
