/**
 * The sales ledger: invoice series with gap-free numbering, invoices with Polish and UK VAT,
 * payments and their allocation, each issued into the general ledger in the same transaction
 * when the stores share a data source. The front door is {@link dev.backoffice.invoicing.Invoicing}.
 */
package dev.backoffice.invoicing;
