/** The JDBC invoice store's machinery: its SQL, row mapping and the document codec. Not an API. */
package dev.backoffice.invoicing.jdbc.internal;
