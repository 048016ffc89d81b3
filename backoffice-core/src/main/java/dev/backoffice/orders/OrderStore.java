package dev.backoffice.orders;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where orders are kept: in memory ({@code dev.backoffice.orders.memory}) or in a database
 * ({@code dev.backoffice.orders.jdbc}). Its only door is {@link #forTenant}: every read and write
 * goes through a handle scoped to one tenant, so an order of tenant A is invisible to tenant B
 * through every method.
 *
 * <p>The store SPI: persistence, atomicity and locking only. The order rules (limits, the
 * lifecycle) live in {@link Orders}; a store keeps whatever valid {@link Order} it is given.
 */
public interface OrderStore extends MultiTenantStore<TenantOrderStore> {
}
