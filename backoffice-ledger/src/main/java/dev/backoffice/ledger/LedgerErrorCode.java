package dev.backoffice.ledger;

import dev.backoffice.core.error.ErrorCode;

/**
 * Every way a ledger request can fail, with its stable {@link #code()} and the kind of
 * exception that carries it. Nothing is written when any of these is thrown.
 *
 * <p>The model every module's codes follow ({@link ErrorCode}): {@link #exception(String, String, Object)}
 * builds the exception of the code's {@link #kind()}.
 */
public enum LedgerErrorCode implements ErrorCode {
    /** An entry has fewer than two postings. */
    TOO_FEW_POSTINGS("ledger.too_few_postings", Kind.INVALID),
    /** An entry has more than {@link EntryRequest#MAX_POSTINGS} postings. */
    TOO_MANY_POSTINGS("ledger.too_many_postings", Kind.INVALID),
    /** A posting amount is zero or negative. */
    NON_POSITIVE_AMOUNT("ledger.non_positive_amount", Kind.INVALID),
    /** Debits and credits differ in some currency. */
    UNBALANCED("ledger.unbalanced", Kind.INVALID),
    /** A posting's currency is not its account's currency. */
    CURRENCY_MISMATCH("ledger.currency_mismatch", Kind.INVALID),
    /**
     * One account both debited and credited by the same entry (TigerBeetle's
     * {@code accounts_must_be_different}): it would inflate both counters and move nothing.
     */
    ACCOUNTS_MUST_BE_DIFFERENT("ledger.accounts_must_be_different", Kind.INVALID),
    /** Entry metadata beyond {@link LedgerLimits#MAX_METADATA_KEYS} keys or {@link LedgerLimits#MAX_METADATA_CHARS} characters. */
    METADATA_TOO_LARGE("ledger.metadata_too_large", Kind.INVALID),
    /** A date outside {@link LedgerLimits#MIN_DATE}..{@link LedgerLimits#MAX_DATE}. */
    DATE_OUT_OF_RANGE("ledger.date_out_of_range", Kind.INVALID),
    /** An {@code asOf} for an expiry run is later than the ledger's clock (holds are never released early). */
    AS_OF_IN_FUTURE("ledger.as_of_in_future", Kind.INVALID),
    /** An expiry that is not after the booking instant. */
    INVALID_EXPIRY("ledger.invalid_expiry", Kind.INVALID),
    /** A parent account of another type or currency. */
    INVALID_PARENT("ledger.invalid_parent", Kind.INVALID),
    /** A partial post of a hold that is not one debit and one credit. */
    PARTIAL_POST_UNSUPPORTED("ledger.partial_post_unsupported", Kind.INVALID),
    /** An account unknown in this tenant (including accounts of other tenants). */
    ACCOUNT_NOT_FOUND("ledger.account_not_found", Kind.NOT_FOUND),
    /** An entry unknown in this tenant. */
    ENTRY_NOT_FOUND("ledger.entry_not_found", Kind.NOT_FOUND),
    /** An idempotency key or entry id reused with different content. */
    IDEMPOTENCY_CONFLICT("ledger.idempotency_conflict", Kind.CONFLICT),
    /** The same idempotency key or entry id twice in one batch. */
    DUPLICATE_IN_BATCH("ledger.duplicate_in_batch", Kind.CONFLICT),
    /**
     * A batch that holds both entries already stored (by id or key) and new ones: a batch is
     * replayed whole or not at all, so nothing is written (the index names the first entry that
     * differs from entry 0 in this respect).
     */
    PARTIAL_BATCH_REPLAY("ledger.partial_batch_replay", Kind.CONFLICT),
    /** An account code already used in this tenant. */
    ACCOUNT_EXISTS("ledger.account_exists", Kind.CONFLICT),
    /** A posting to a closed account. */
    ACCOUNT_CLOSED("ledger.account_closed", Kind.RULE),
    /** A posting dated on or before the closed-through date. */
    PERIOD_CLOSED("ledger.period_closed", Kind.RULE),
    /** Reopening from a date that is not closed. */
    PERIOD_NOT_CLOSED("ledger.period_not_closed", Kind.RULE),
    /** An account flagged debits-must-not-exceed-credits would exceed (pending included). */
    INSUFFICIENT_FUNDS("ledger.insufficient_funds", Kind.RULE),
    /** An account flagged credits-must-not-exceed-debits would exceed (pending included). */
    CREDITS_EXCEED_DEBITS("ledger.credits_exceed_debits", Kind.RULE),
    /** An amount or counter would not fit in 64-bit minor units. */
    OVERFLOW("ledger.overflow", Kind.RULE),
    /** Post or void of an entry that is not a hold. */
    NOT_PENDING("ledger.not_pending", Kind.RULE),
    /** The hold was already posted. */
    PENDING_ALREADY_POSTED("ledger.pending_already_posted", Kind.RULE),
    /** The hold was already voided. */
    PENDING_ALREADY_VOIDED("ledger.pending_already_voided", Kind.RULE),
    /** The hold expired (or was voided by {@code expirePending}). */
    PENDING_EXPIRED("ledger.pending_expired", Kind.RULE),
    /** A partial post for more than the hold. */
    EXCEEDS_PENDING_AMOUNT("ledger.exceeds_pending_amount", Kind.RULE),
    /** The entry was already reversed. */
    ALREADY_REVERSED("ledger.already_reversed", Kind.RULE),
    /** Holds and their resolutions cannot be reversed (void the hold instead). */
    NOT_REVERSIBLE("ledger.not_reversible", Kind.RULE);

    private final String code;
    private final Kind kind;

    LedgerErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
