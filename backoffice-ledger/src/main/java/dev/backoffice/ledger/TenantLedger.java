package dev.backoffice.ledger;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's ledger: the whole API. Obtain it from {@link Ledger#forTenant}. Thread-safe.
 *
 * <p>Every date argument must be within {@link LedgerLimits#MIN_DATE}..{@link LedgerLimits#MAX_DATE}
 * ({@link LedgerErrorCode#DATE_OUT_OF_RANGE}).
 *
 * <h2>What a failure means</h2>
 * Every write is atomic and ends in exactly one of three ways:
 * <ul>
 *   <li><b>done</b>: it returns its result, which is stored;</li>
 *   <li><b>not done</b>: it throws a {@link dev.backoffice.core.error.BackofficeException} whose
 *       code is one of {@link LedgerErrorCode}, or a
 *       {@link dev.backoffice.core.error.StorageException} with code {@code storage.failure} or
 *       {@code storage.retries_exhausted}; nothing of it is stored;</li>
 *   <li><b>outcome unknown</b>: it throws an
 *       {@link dev.backoffice.core.error.OutcomeUnknownException}
 *       ({@code storage.outcome_unknown}); the write may be stored in full or not at all. This is
 *       rare: every write is given its identity (entry id, resolution id, account id) before its
 *       first attempt, and when a commit's acknowledgement is lost the ledger reruns the write
 *       with that identity, which returns the stored result or writes it once. Only when the
 *       database stays unreachable does the question reach the caller; the exception names the
 *       id to read back. Repeating the request with that id (or your own id or idempotency key)
 *       is always safe.</li>
 * </ul>
 */
public interface TenantLedger {

    // ---- chart of accounts

    /** Opens an account. */
    Account open(OpenAccount command);

    /** Opens several accounts atomically, in order (a parent may precede its children). */
    List<Account> openAll(List<OpenAccount> commands);

    /** Closes an account: it refuses new postings from now on. Idempotent. */
    Account close(AccountRef account);

    /** The account named by {@code ref}; {@code ledger.account_not_found} if none. */
    Account account(AccountRef ref);

    /** The account with chart code {@code code}. */
    default Account account(String code) {
        return account(AccountRef.code(code));
    }

    /** The chart of accounts, ordered by code. */
    List<Account> accounts();

    // ---- posting

    /** Posts one entry (standard or pending). Idempotent by entry id and idempotency key. */
    JournalEntry post(EntryRequest request);

    /**
     * Posts entries atomically: all land or none ({@link BatchRejectedException} names the first
     * failure). A batch is replayed whole: when every entry is already stored (by id or key) with
     * the same content, the stored entries are returned and nothing is written; a batch that mixes
     * stored and new entries is {@link LedgerErrorCode#PARTIAL_BATCH_REPLAY} and writes nothing.
     */
    List<JournalEntry> postAll(List<EntryRequest> requests);

    /**
     * {@link #postAll} for a batch whose entry ids the caller has just made and never used (an
     * invoice's entry takes the id of an invoice that is not stored, say): the ids are not looked
     * up first, which saves a query per batch on a hot path. Nothing else changes: an entry with an
     * idempotency key is still looked up by it, every entry is checked as in {@code postAll}, and
     * an id that is stored after all still refuses the whole batch, since the store will not hold
     * two entries with one id (on JDBC the unique key fails the statement and the caller's
     * transaction with it; in memory {@link LedgerErrorCode#IDEMPOTENCY_CONFLICT}). What it gives
     * up is only the replay: a batch posted again this way fails instead of answering the stored
     * entries, so a caller that may be repeating a batch calls {@code postAll}.
     */
    default List<JournalEntry> postAllNew(List<EntryRequest> requests) {
        return postAll(requests);
    }

    /**
     * Posts a pending entry in full, dated today (the clock's UTC date). Posting a hold that is
     * already resolved fails ({@code ledger.pending_already_posted} and the like); to make a
     * retry safe, give the resolution an id with {@link #postPending(EntryId, EntryId)}.
     */
    JournalEntry postPending(EntryId pendingId);

    /**
     * Posts a pending entry in full as entry {@code resolutionId}. Idempotent: a retry with the
     * same ids returns the stored resolution; the same {@code resolutionId} used for anything else
     * fails with {@code ledger.idempotency_conflict}.
     */
    JournalEntry postPending(EntryId pendingId, EntryId resolutionId);

    /**
     * Posts {@code amount} of a pending entry of one debit and one credit line; the remainder
     * is released.
     */
    JournalEntry postPending(EntryId pendingId, Money amount);

    /**
     * Posts {@code amount} of a pending entry as entry {@code resolutionId}; idempotent like
     * {@link #postPending(EntryId, EntryId)} (a retry must name the same amount).
     */
    JournalEntry postPending(EntryId pendingId, Money amount, EntryId resolutionId);

    /** Voids a pending entry, releasing its holds, dated today. */
    JournalEntry voidPending(EntryId pendingId);

    /**
     * Voids a pending entry as entry {@code resolutionId}; idempotent like
     * {@link #postPending(EntryId, EntryId)}.
     */
    JournalEntry voidPending(EntryId pendingId, EntryId resolutionId);

    /**
     * Voids every unresolved pending entry whose expiry is at or before {@code asOf}; returns the
     * void entries (booked at {@code asOf}). {@code asOf} may be in the past (a catch-up run) but
     * not later than the ledger's clock: a hold is never released before its expiry by the clock,
     * so a later {@code asOf} fails with {@link LedgerErrorCode#AS_OF_IN_FUTURE} and releases nothing.
     */
    List<JournalEntry> expirePending(Instant asOf);

    /** Voids every unresolved pending entry whose expiry has passed by the ledger's clock. */
    List<JournalEntry> expirePending();

    /** Writes the mirror entry of {@code entryId}, dated today, linked to it. */
    JournalEntry reverse(EntryId entryId, String reason);

    /** The entry with {@code id}. */
    JournalEntry entry(EntryId id);

    /** Entries after {@code afterSequence}, in booking order. */
    List<JournalEntry> journal(long afterSequence, int limit);

    // ---- queries

    /** The current balance. */
    Balance balance(AccountRef account);

    /** The current balance of the account with chart code {@code code}. */
    default Balance balance(String code) {
        return balance(AccountRef.code(code));
    }

    /** The balance from entries dated on or before {@code asOf}. */
    Balance balance(AccountRef account, LocalDate asOf);

    /**
     * A page of the statement of {@code account} for {@code from..to}; pass the previous page's
     * {@code nextCursor} to continue. Cursors are opaque and signed
     * ({@link dev.backoffice.core.page.CursorSigner}): they are valid only for this tenant, this
     * account and this {@code from..to}, and only with this ledger's cursor key; any other,
     * forged or edited cursor fails with {@code page.invalid_cursor} naming {@code cursor}.
     */
    Statement statement(AccountRef account, LocalDate from, LocalDate to, Optional<String> cursor, int pageSize);

    /** The trial balance as of {@code asOf}. */
    TrialBalance trialBalance(LocalDate asOf);

    /** The balance sheet as of {@code asOf} in {@code currency}. */
    BalanceSheet balanceSheet(LocalDate asOf, CurrencyUnit currency);

    /** The income statement for {@code from..to} in {@code currency}. */
    IncomeStatement incomeStatement(LocalDate from, LocalDate to, CurrencyUnit currency);

    // ---- periods

    /** Which dates are closed. */
    PeriodStatus periodStatus();

    /** Closes every day up to and including {@code through} (audited). */
    PeriodStatus closePeriod(LocalDate through, String actor);

    /** Reopens every day from {@code from} on, with a reason written to the audit log. */
    PeriodStatus reopenPeriod(LocalDate from, String actor, String reason);

    /**
     * Year-end close: posts one closing entry dated {@code yearEnd} moving every income and
     * expense balance (as of that day) into the retained-earnings account of its currency, then
     * closes the period through {@code yearEnd}. Returns the closing entry, or empty when there
     * was nothing to move.
     */
    Optional<JournalEntry> closeYear(LocalDate yearEnd, String actor, List<AccountRef> retainedEarnings);
}
