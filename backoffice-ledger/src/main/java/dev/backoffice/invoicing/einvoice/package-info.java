/**
 * E-invoices: Peppol BIS Billing 3.0 UBL 2.1 documents ({@link dev.backoffice.invoicing.einvoice.UblWriter}),
 * and readers that turn FA(3) and UBL documents back into the SDK's values
 * ({@link dev.backoffice.invoicing.einvoice.InvoiceDocument}).
 */
package dev.backoffice.invoicing.einvoice;
