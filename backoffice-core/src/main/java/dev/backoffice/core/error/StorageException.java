package dev.backoffice.core.error;

/**
 * The store failed for a technical reason (database unreachable, I/O error, retries exhausted).
 *
 * <p>What it means about what was written depends on the code, and every code says it exactly:
 * <ul>
 *   <li>{@value #FAILURE}, {@value #RETRIES_EXHAUSTED}, {@value #SCHEMA_MISSING}: <b>not done</b>.
 *       The write was rolled back as a whole, or never reached the database; nothing of it is
 *       stored. Retrying the same request is safe.</li>
 *   <li>{@value OutcomeUnknownException#CODE} ({@link OutcomeUnknownException}): <b>outcome
 *       unknown</b>. The connection failed while the database was committing, so the write may
 *       or may not be stored, and the SDK could not find out. Do not assume either: look the
 *       write up by its identity (the exception says which), or retry the same request with the
 *       same id or idempotency key, which returns the stored result instead of writing twice.</li>
 * </ul>
 * A retry with the same identity is the one safe reaction to every storage error.
 */
public class StorageException extends BackofficeException {

    /** A database or I/O error; nothing was written. */
    public static final String FAILURE = "storage.failure";
    /** Serialization failures, deadlocks or connection losses kept recurring; nothing was written. */
    public static final String RETRIES_EXHAUSTED = "storage.retries_exhausted";
    /** A schema script is missing from the class path; nothing was written. */
    public static final String SCHEMA_MISSING = "storage.schema_missing";

    public StorageException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** A {@value #FAILURE}: nothing was written. */
    public StorageException(String message, Throwable cause) {
        this(FAILURE, message, cause);
    }

    /**
     * A raw {@link java.sql.SQLException} in flight inside {@code Jdbc}, before the retry
     * decision turns it into a plain {@code StorageException}. Callers may see it from nested
     * transactional work; treat it as any {@code StorageException} (code {@value #FAILURE}: the
     * transaction it interrupted was not committed).
     */
    public static final class Sql extends StorageException {
        public Sql(java.sql.SQLException cause) {
            super("database error: " + cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")", cause);
        }

        /** The SQL exception behind it. */
        public java.sql.SQLException sqlCause() {
            return (java.sql.SQLException) getCause();
        }
    }
}
