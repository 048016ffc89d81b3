/**
 * Machinery of the JDBC payroll store (its SQL and row encoding). Not API: may change in any
 * release; nothing outside the hr module may use it (an architecture test enforces it).
 */
package dev.backoffice.payroll.jdbc.internal;
