/**
 * The JDBC order store's machinery (not part of the API): the SQL that reads and writes one
 * tenant's order rows.
 */
package dev.backoffice.orders.jdbc.internal;
