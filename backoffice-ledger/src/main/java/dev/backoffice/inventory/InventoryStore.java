package dev.backoffice.inventory;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where items, locations, stock counters, operations, reservations and cost layers are kept: in
 * memory ({@link dev.backoffice.inventory.memory.InMemoryInventoryStore}) or in a database
 * ({@link dev.backoffice.inventory.jdbc.JdbcInventoryStore}). The store SPI: persistence,
 * atomicity and locking only; every rule lives in {@link TenantInventory}. Its only door is
 * {@link #forTenant}, so nothing of one tenant is reachable through another's handle.
 */
public interface InventoryStore extends MultiTenantStore<TenantInventoryStore> {
}
