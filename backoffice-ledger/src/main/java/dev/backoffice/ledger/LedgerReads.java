package dev.backoffice.ledger;

import dev.backoffice.core.store.TenantReads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of one tenant's ledger data: the read view of a {@link TenantLedgerStore}
 * ({@link TenantLedgerStore#read()}, committed data) and the reading half of a unit of work
 * ({@link LedgerTx}, which also sees the unit's own writes).
 */
public interface LedgerReads extends TenantReads {

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

    /**
     * The entries among {@code ids} that are stored, by id: what {@link #entry} answers for each,
     * in one query where the store can (a batch of entries with ids looks them up at once).
     */
    default Map<EntryId, JournalEntry> entries(Collection<EntryId> ids) {
        Map<EntryId, JournalEntry> found = new HashMap<>();
        for (EntryId id : ids) {
            entry(id).ifPresent(e -> found.put(id, e));
        }
        return found;
    }

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

    /**
     * A position in an account's movement order: (effectiveDate, sequence, index).
     *
     * @param effectiveDate the value date
     * @param sequence      the entry sequence
     * @param index         the movement index within the entry
     */
    record MovementPosition(LocalDate effectiveDate, long sequence, int index) {
    }
}
