package dev.backoffice.core.store;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

/**
 * Base of a tenant-scoped handle: holds the tenant (and its key as stores write it in SQL,
 * {@link #t}) so each store's handle does not repeat the field, constructor and accessor.
 */
public abstract class TenantScope implements TenantReads {

    /** The tenant this handle is scoped to. */
    protected final TenantId tenant;
    /** The tenant's key, the value of every {@code tenant_id} column this handle reads or writes. */
    protected final String t;

    /** A handle scoped to {@code tenant}. */
    protected TenantScope(TenantId tenant) {
        this.tenant = Check.notNull(tenant, "tenant");
        this.t = tenant.value();
    }

    @Override
    public final TenantId tenant() {
        return tenant;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + tenant + "]";
    }
}
