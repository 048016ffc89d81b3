package dev.backoffice.ledger;

import dev.backoffice.core.error.BackofficeException;

/**
 * An atomic batch was rejected: nothing of it was written. Names the first failing entry's
 * {@link #index()} and carries the typed {@link #reason()}; {@link #code()} is the reason's code.
 */
public final class BatchRejectedException extends BackofficeException {

    private final int index;
    private final BackofficeException reason;

    public BatchRejectedException(int index, BackofficeException reason) {
        super(reason.code(), "batch rejected at entry " + index + ": " + reason.getMessage(), reason);
        this.index = index;
        this.reason = reason;
    }

    /** The 0-based index of the first failing entry. */
    public int index() {
        return index;
    }

    /** Why it failed. */
    public BackofficeException reason() {
        return reason;
    }
}
