package dev.backoffice.invoicing;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where the purchase ledger (suppliers' invoices and payments to suppliers) is kept; the only
 * door is {@link #forTenant}. Implementations: {@code memory.InMemoryPayableStore},
 * {@code jdbc.JdbcPayableStore} (give it the data source of the ledger so an approval and its
 * journal entry commit together).
 */
public interface PayableStore extends MultiTenantStore<TenantPayableStore> {
}
