/** The SQL of the JDBC inventory store. Not an API. */
package dev.backoffice.inventory.jdbc.internal;
