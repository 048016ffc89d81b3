package dev.backoffice.core.audit;

import dev.backoffice.core.store.MultiTenantStore;
import dev.backoffice.core.tenant.TenantId;

/**
 * Where audit logs live; hands out one {@link AuditLog} per tenant through its only door,
 * {@link #forTenant(TenantId)}. Implementations: {@link InMemoryAuditStore} and
 * {@link JdbcAuditStore}.
 *
 * <p>The audit store has the domain stores' outer shape ({@link MultiTenantStore}) but not their
 * {@link dev.backoffice.core.store.TenantStore} handle with a {@code write(work)} unit: an
 * append-only, hash-chained log has one write, the append, which is already atomic on its own and
 * joins the caller's transaction when there is one. A work function around it would add nothing
 * but a way to break the chain's rules: {@code TenantStore} lets a store rerun a write, while an
 * audit event has no identity to look up on a rerun (two equal events are two records), so an
 * append whose outcome is unknown is reported, never rerun.
 */
public interface AuditStore extends MultiTenantStore<AuditLog> {

    /** The log of {@code tenant} (created empty on first append). */
    @Override
    AuditLog forTenant(TenantId tenant);
}
