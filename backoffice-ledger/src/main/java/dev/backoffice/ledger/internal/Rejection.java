package dev.backoffice.ledger.internal;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.ledger.LedgerErrorCode;

/**
 * A rule failure inside the engine: the error code, the offending field and the index of the
 * entry in its batch. Stackless (it is control flow); turned into the public typed exception
 * by {@link #toException()}.
 */
public final class Rejection extends RuntimeException {

    private final int index;
    private final LedgerErrorCode code;
    private final String field;
    private final transient Object rejectedValue;

    Rejection(int index, LedgerErrorCode code, String field, String message, Object rejectedValue) {
        super(message, null, false, false);
        this.index = index;
        this.code = code;
        this.field = field;
        this.rejectedValue = rejectedValue;
    }

    /** Index of the failing entry in its batch (0 for single operations). */
    public int index() {
        return index;
    }

    /** The error code. */
    public LedgerErrorCode code() {
        return code;
    }

    /** The offending field, e.g. {@code postings[1].amount}. */
    public String field() {
        return field;
    }

    /** The typed public exception. */
    public BackofficeException toException() {
        return code.exception(field, getMessage(), rejectedValue);
    }
}
