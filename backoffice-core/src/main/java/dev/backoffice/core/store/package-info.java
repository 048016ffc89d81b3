/**
 * The one shape every domain store has: a store shared by many tenants hands out a
 * tenant-scoped handle ({@link dev.backoffice.core.store.TenantStore}) with a read view and a
 * write unit that runs in one transaction. {@link dev.backoffice.core.store.TenantScopedStore}
 * and {@link dev.backoffice.core.store.TenantScope} hold the scoping boilerplate once.
 */
package dev.backoffice.core.store;
