package dev.backoffice.invoicing;

import dev.backoffice.core.store.TenantStore;

/** One tenant's purchase ledger store: committed reads and units of work ({@link dev.backoffice.core.store.TenantStore}). */
public interface TenantPayableStore extends TenantStore<PayableReads, PayableTx> {
}
