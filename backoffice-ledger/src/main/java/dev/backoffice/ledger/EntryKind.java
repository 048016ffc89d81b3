package dev.backoffice.ledger;

/** What a journal entry does to the counters of its accounts. */
public enum EntryKind {
    /** An ordinary entry: its lines move posted amounts. */
    STANDARD,
    /** A hold: its lines move pending amounts until posted, voided or expired. */
    PENDING,
    /** Posts a pending entry (fully or partly): releases the hold and moves the posted lines. */
    POST_PENDING,
    /** Voids a pending entry: releases the hold, moves nothing. */
    VOID_PENDING,
    /** Voids a pending entry whose expiry passed ({@code expirePending}). */
    EXPIRE_PENDING,
    /** Mirrors an earlier entry (debits and credits swapped) to cancel it. */
    REVERSAL,
    /** Year-end close: moves income and expense balances into retained earnings. */
    CLOSING;

    /** Whether this entry resolves a pending entry (its {@code pendingId} is set). */
    public boolean resolvesPending() {
        return this == POST_PENDING || this == VOID_PENDING || this == EXPIRE_PENDING;
    }
}
