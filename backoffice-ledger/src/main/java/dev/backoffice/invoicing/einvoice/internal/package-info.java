/** The e-invoice machinery: a streaming XML writer, the UBL layout, the readers' parsing. Not an API. */
package dev.backoffice.invoicing.einvoice.internal;
