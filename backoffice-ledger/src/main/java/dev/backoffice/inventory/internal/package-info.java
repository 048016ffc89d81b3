/**
 * The inventory engine: the per-tenant service behind {@link dev.backoffice.inventory.TenantInventory},
 * stock counters and their limits, lot choice, costing and the ledger postings. Not an API.
 */
package dev.backoffice.inventory.internal;
