package dev.backoffice.docs;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where documents, policies, holds and business events are kept: in memory
 * ({@code dev.backoffice.docs.memory}) or in a database ({@code dev.backoffice.docs.jdbc}).
 * Its only door is {@link #forTenant(dev.backoffice.core.tenant.TenantId)}: every access goes
 * through a handle scoped to one tenant.
 *
 * <p>This is a service-provider interface: a store provides persistence, atomicity and
 * locking, never business rules. Applications use {@link Archive}, which enforces retention
 * and holds on top of any store. Writing through the SPI directly (or with SQL, or deleting
 * blob files) bypasses those rules the way any storage-level access does; there is no such
 * path in the {@link Archive} API, for any actor.
 */
public interface DocumentStore extends MultiTenantStore<TenantDocumentStore> {
}
