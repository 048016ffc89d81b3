package dev.backoffice.inventory;

import dev.backoffice.core.store.TenantStore;

/**
 * One tenant's stock: {@link #read()} answers committed data, {@link #write} runs a unit of work
 * in one transaction (see {@link TenantStore} for the rules every store keeps: a JDBC write joins
 * an enclosing transaction of the same data source, which is how an operation and its journal
 * entry commit together).
 */
public interface TenantInventoryStore extends TenantStore<InventoryReads, InventoryTx> {
}
