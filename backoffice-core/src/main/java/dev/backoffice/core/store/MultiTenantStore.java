package dev.backoffice.core.store;

import dev.backoffice.core.metrics.MetricsRecorder;
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

    /**
     * Where this store reports its numbers, so the domain service over it can count there too
     * (calls whose lost commit outcome a rerun settled, see
     * {@link dev.backoffice.core.metrics.Meters#OUTCOME_RESOLVED}). A JDBC store answers its
     * {@code Jdbc}'s recorder; the default records nothing.
     */
    default MetricsRecorder metrics() {
        return MetricsRecorder.NONE;
    }
}
