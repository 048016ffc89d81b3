package dev.backoffice.ledger;

import dev.backoffice.core.store.MultiTenantStore;

/**
 * Where a ledger keeps its data: the storage SPI behind {@link Ledger}. Its only door is
 * {@link #forTenant(dev.backoffice.core.tenant.TenantId) forTenant(tenant)}, which gives the
 * tenant's {@link TenantLedgerStore}; every read and write through it is scoped to that tenant,
 * and data of other tenants is invisible (an account id of another tenant is simply not found).
 *
 * <p>A store only provides persistence, atomicity and locking. Every rule (balance, currencies,
 * periods, limits, two-phase, idempotency, reversal) lives in the shared, storage-free rule
 * engine that {@link Ledger} runs inside {@link TenantLedgerStore#write}; so every store behaves
 * alike, which the abstract contract test suite proves. Implementations: the in-memory store
 * ({@code dev.backoffice.ledger.memory.InMemoryLedgerStore}) and the JDBC store
 * ({@code dev.backoffice.ledger.jdbc.JdbcLedgerStore}).
 */
public interface LedgerStore extends MultiTenantStore<TenantLedgerStore> {
}
