package dev.backoffice.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes inside one atomic unit of work of one tenant: what
 * {@link TenantLedgerStore#write(java.util.function.Function)} hands its work. Reads through it
 * see the unit's own writes.
 */
public interface LedgerTx extends LedgerReads {

    /**
     * Locks the accounts {@code ids} for the rest of the transaction (in ascending id order,
     * to avoid deadlocks) and returns them with their current counters; unknown ids are
     * absent from the map. Called once per unit of work by the ledger, with every account it
     * touches (so the {@code closed} flag and counters it sees are current).
     */
    Map<AccountId, AccountState> lockAccounts(Collection<AccountId> ids);

    /**
     * Reads the period status and locks it for the rest of the transaction: shared when
     * {@code exclusive} is false (postings: many may hold it together, but no close can
     * commit meanwhile), exclusive when true (closing, reopening, year-end close).
     */
    PeriodStatus lockPeriodStatus(boolean exclusive);

    /** A fresh entry sequence number: strictly increasing per tenant, gaps allowed. */
    long nextSequence();

    /**
     * Stores a new account (with zero counters). A duplicate code or id fails with
     * {@link LedgerErrorCode#ACCOUNT_EXISTS}'s exception.
     */
    void insertAccount(Account account);

    /** Replaces a stored account's mutable attributes (today: {@code closed}). */
    void updateAccount(Account account);

    /**
     * Writes what the rule engine decided: new entries (with their sequences), their
     * movements, and the new counters of every touched account (which the store must have
     * locked with {@link #lockAccounts}). A store enforces uniqueness of entry id,
     * idempotency key, {@code pendingId} of resolutions and {@code reverses} of reversals
     * (in SQL with unique indexes, so concurrent duplicates fail and are retried).
     */
    void write(List<JournalEntry> entries, List<Movement> movements, Map<AccountId, AccountCounters> counters);

    /** Sets the closed-through date. */
    void setPeriodStatus(PeriodStatus status);
}
