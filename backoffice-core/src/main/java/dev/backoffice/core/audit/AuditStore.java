package dev.backoffice.core.audit;

import dev.backoffice.core.tenant.TenantId;

/**
 * Where audit logs live; hands out one {@link AuditLog} per tenant. Implementations:
 * {@link InMemoryAuditStore} and {@link JdbcAuditStore}.
 */
public interface AuditStore {
    /** The log of {@code tenant} (created empty on first append). */
    AuditLog forTenant(TenantId tenant);
}
