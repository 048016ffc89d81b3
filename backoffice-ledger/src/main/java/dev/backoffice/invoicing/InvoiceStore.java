package dev.backoffice.invoicing;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where invoices, series and payments are kept: in memory
 * ({@link dev.backoffice.invoicing.memory.InMemoryInvoiceStore}) or in a database
 * ({@link dev.backoffice.invoicing.jdbc.JdbcInvoiceStore}). The store SPI: persistence, atomicity
 * and locking only; every rule lives in {@link TenantInvoicing}. Its only door is
 * {@link #forTenant}, so nothing of one tenant is reachable through another's handle.
 */
public interface InvoiceStore extends MultiTenantStore<TenantInvoiceStore> {
}
