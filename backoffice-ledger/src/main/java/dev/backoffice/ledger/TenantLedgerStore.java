package dev.backoffice.ledger;

import dev.backoffice.core.store.TenantStore;

import java.util.function.Function;

/**
 * One tenant's slice of a {@link LedgerStore}: {@link #read()} for committed data and
 * {@link #write(Function)} for a unit of work. Obtain it from
 * {@link LedgerStore#forTenant(dev.backoffice.core.tenant.TenantId)}.
 *
 * <p>What {@link #write(Function)} promises, beyond {@link TenantStore}'s rules: every write made
 * through the {@link LedgerTx} lands or none does, and locks taken through it are held until the
 * end. A store may run {@code work} again after a failure that proves the earlier attempt was not
 * committed (deadlock, serialization failure, unique-key race, a connection lost before the
 * commit was sent), so {@code work} must have no effect outside the {@code LedgerTx}. Exceptions
 * thrown by {@code work} roll back and propagate unchanged.
 *
 * <p>A store never runs {@code work} again after a commit whose outcome is unknown (the
 * connection failed during the commit): it throws
 * {@link dev.backoffice.core.error.OutcomeUnknownException} instead, and the caller, which gave
 * the work its identity before the first attempt, resolves it by running the work again with
 * look-ups on (see {@code dev.backoffice.core.jdbc.Reruns}).
 */
public interface TenantLedgerStore extends TenantStore<LedgerReads, LedgerTx> {

    /** A read-only view of this tenant's committed data; takes no locks. */
    @Override
    LedgerReads read();

    /**
     * Runs {@code work} as one atomic unit of this tenant and returns its answer (see the class
     * comment for when it may run more than once).
     */
    @Override
    <T> T write(Function<? super LedgerTx, ? extends T> work);
}
