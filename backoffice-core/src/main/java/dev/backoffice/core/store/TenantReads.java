package dev.backoffice.core.store;

import dev.backoffice.core.tenant.TenantId;

/**
 * Reads of one tenant's data. Every read of an implementation is scoped to {@link #tenant()}:
 * there is no way to name another tenant's rows through it.
 */
public interface TenantReads {

    /** The tenant every read and write of this handle is scoped to. */
    TenantId tenant();
}
