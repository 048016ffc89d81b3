package dev.backoffice.core.error;

/**
 * A write whose outcome is unknown: the connection failed while the database was committing it
 * (SQLSTATE class 08 and the like during {@code COMMIT}), so it may be stored in full or not at
 * all, never in part. The SDK never reruns such a write blindly: where the write carries an
 * identity (an entry id, an idempotency key, an order id and version) the stores resolve the
 * question themselves by rerunning it with that identity, which finds the stored result or
 * writes it once; this exception reaches the caller only when that could not be done (the
 * database stayed unreachable, or the write has no identity to look up).
 *
 * <p>What to do: {@link #howToFindOut()} names what to look up (say, "entry 0193... : read it
 * with entry(id)"). Retrying the same request with the same identity is always safe: it returns
 * the stored result if the first attempt landed, and writes once if it did not.
 */
public class OutcomeUnknownException extends StorageException {

    /** The stable code: {@code storage.outcome_unknown}. */
    public static final String CODE = "storage.outcome_unknown";

    private final String howToFindOut;

    /**
     * @param howToFindOut what may or may not be stored and how to find out, for humans
     * @param cause        the failure of the commit (or of the rerun that tried to resolve it)
     */
    public OutcomeUnknownException(String howToFindOut, Throwable cause) {
        super(CODE, "the write may or may not be stored (the connection failed during commit): " + howToFindOut, cause);
        this.howToFindOut = howToFindOut;
    }

    /** What may or may not be stored and how to find out. */
    public String howToFindOut() {
        return howToFindOut;
    }
}
