/**
 * The invoicing engine: the per-tenant service behind {@link dev.backoffice.invoicing.TenantInvoicing},
 * VAT arithmetic, number formatting and the ledger postings. Not an API.
 */
package dev.backoffice.invoicing.internal;
