/**
 * Tenant placement: which database each tenant lives in ({@link dev.backoffice.core.store.placement.TenantPlacement}),
 * and stores that send each tenant's calls to its database ({@link dev.backoffice.core.store.placement.Placement}).
 */
package dev.backoffice.core.store.placement;
