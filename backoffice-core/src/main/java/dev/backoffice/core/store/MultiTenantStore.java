package dev.backoffice.core.store;

import dev.backoffice.core.tenant.TenantId;

/**
 * A store shared by many tenants. Its only door is {@link #forTenant(TenantId)}, so code cannot
 * forget the tenant scope: every domain store interface ({@code LedgerStore}, {@code OrderStore},
 * {@code PayrollStore}, {@code DocumentStore}) extends it with its {@link TenantStore} type.
 *
 * @param <S> the tenant handle, usually a {@link TenantStore}
 */
public interface MultiTenantStore<S> {

    /**
     * The handle of {@code tenant}: every read and write through it is scoped to that tenant.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException if {@code tenant} is null
     */
    S forTenant(TenantId tenant);
}
