package dev.backoffice.core.store;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Base of a {@link MultiTenantStore}: {@link #forTenant(TenantId)} checks the tenant in one place
 * and hands out the tenant's handle, made by {@link #open(TenantId)}.
 *
 * <p>A store that keeps state per tenant (the in-memory stores) uses {@link Handles#KEPT}: one
 * handle per tenant, made on first use and kept. A store whose handle is only a view (the JDBC
 * stores) uses {@link Handles#PER_CALL}: a new, small handle per call, so a process that serves
 * millions of tenants does not keep one for each.
 *
 * @param <S> the tenant handle
 */
public abstract class TenantScopedStore<S> implements MultiTenantStore<S> {

    /** How handles live. */
    protected enum Handles {
        /** One handle per tenant, made on first use and kept (for stores holding per-tenant state). */
        KEPT,
        /** A new handle per call (for stores whose handle is a view over shared state). */
        PER_CALL
    }

    private final ConcurrentMap<TenantId, S> kept;

    /** A store whose handles live as {@code handles} says. */
    protected TenantScopedStore(Handles handles) {
        this.kept = Check.notNull(handles, "handles") == Handles.KEPT ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public final S forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return kept == null ? open(tenant) : kept.computeIfAbsent(tenant, this::open);
    }

    /** Makes the handle of {@code tenant} (never null; called once per tenant for {@link Handles#KEPT}). */
    protected abstract S open(TenantId tenant);
}
