package dev.backoffice.orders;

import dev.backoffice.core.tenant.TenantId;

/**
 * Where orders are kept: in memory ({@code dev.backoffice.orders.memory}) or in a database
 * ({@code dev.backoffice.orders.jdbc}). Every access goes through a handle scoped to one tenant,
 * so an order of tenant A is invisible to tenant B through every method.
 */
public interface OrderStore {
    /** The orders of {@code tenant}. */
    TenantOrderStore forTenant(TenantId tenant);
}
