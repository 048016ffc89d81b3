package dev.backoffice.ledger;

import dev.backoffice.core.tenant.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a ledger keeps its data: the storage SPI behind {@link Ledger}.
 *
 * <p>A store only provides persistence, atomicity and locking. Every rule (balance, currencies,
 * periods, limits, two-phase, idempotency, reversal) lives in the shared, storage-free rule
 * engine that {@link Ledger} runs inside {@link #inTransaction}; so every store behaves alike,
 * which the abstract contract test suite proves. Implementations: the in-memory store
 * ({@code dev.backoffice.ledger.memory.InMemoryLedgerStore}) and the JDBC store.
 *
 * <p>Every method is scoped to one tenant; data of other tenants is invisible (an account id of
 * another tenant is simply not found).
 */
public interface LedgerStore {

    /**
     * Runs {@code work} as one atomic unit for {@code tenant}: every write made through the
     * {@link Tx} lands or none does. Locks taken through the {@code Tx} are held until the end.
     * A store may run {@code work} again after a failure that proves the earlier attempt was not
     * committed (deadlock, serialization failure, unique-key race, a connection lost before the
     * commit was sent), so {@code work} must have no effect outside the {@code Tx}. Exceptions
     * thrown by {@code work} roll back and propagate unchanged.
     *
     * <p>A store never runs {@code work} again after a commit whose outcome is unknown (the
     * connection failed during the commit): it throws
     * {@link dev.backoffice.core.error.OutcomeUnknownException} instead, and the caller, which
     * gave the work its identity before the first attempt, resolves it by running the work again
     * with look-ups on (see {@code dev.backoffice.core.jdbc.Reruns}).
     */
    <T> T inTransaction(TenantId tenant, Function<Tx, T> work);

    /** A read-only view of {@code tenant}'s committed data; takes no locks. */
    Reader reader(TenantId tenant);

    /** Reads of one tenant's data. */
    interface Reader {
        /** The tenant. */
        TenantId tenant();

        /** The account with {@code id}. */
        Optional<Account> account(AccountId id);

        /** The account with chart code {@code code}. */
        Optional<Account> accountByCode(String code);

        /** Every account, ordered by code. */
        List<Account> accounts();

        /** The account {@code id} with its current counters (zero for an account without movements). */
        Optional<AccountState> state(AccountId id);

        /**
         * Counters of one account as of a day: the sum of its movements dated on or before
         * {@code asOf}.
         */
        AccountCounters countersAsOf(AccountId id, LocalDate asOf);

        /**
         * Counters of every account with movements dated on or before {@code asOf}, summed
         * from movements; when {@code includeClosing} is false, movements of
         * {@link EntryKind#CLOSING} entries are left out.
         */
        Map<AccountId, AccountCounters> countersAsOf(LocalDate asOf, boolean includeClosing);

        /** The entry with {@code id}. */
        Optional<JournalEntry> entry(EntryId id);

        /** The entry stored with idempotency key {@code key}. */
        Optional<JournalEntry> entryByIdempotencyKey(String key);

        /** The entry (post, void or expire) that resolved pending entry {@code pendingId}. */
        Optional<JournalEntry> resolutionOf(EntryId pendingId);

        /** The reversal of entry {@code entryId}. */
        Optional<JournalEntry> reversalOf(EntryId entryId);

        /**
         * Posted movements ({@code pending == false}) of {@code account} dated {@code from..to}
         * inclusive, ordered by (effectiveDate, sequence, index), starting strictly after
         * {@code after} (null: from the first), at most {@code limit}.
         */
        List<Movement> postedMovements(AccountId account, LocalDate from, LocalDate to, MovementPosition after, int limit);

        /** Entries with sequence greater than {@code afterSequence}, in sequence order, at most {@code limit}. */
        List<JournalEntry> journal(long afterSequence, int limit);

        /**
         * Pending entries not yet resolved whose expiry is at or before {@code expiredBy},
         * ordered by expiry then sequence, at most {@code limit}.
         */
        List<JournalEntry> expiredPendings(Instant expiredBy, int limit);

        /** The closed-through date. */
        PeriodStatus periodStatus();
    }

    /**
     * A position in an account's movement order: (effectiveDate, sequence, index).
     *
     * @param effectiveDate the value date
     * @param sequence      the entry sequence
     * @param index         the movement index within the entry
     */
    record MovementPosition(LocalDate effectiveDate, long sequence, int index) {
    }

    /** Reads and writes inside one atomic unit of work. */
    interface Tx extends Reader {
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
}
