package dev.backoffice.core.error;

/**
 * The store failed for a technical reason (database down, I/O error, retries exhausted). The
 * write it interrupted was rolled back as a whole.
 */
public class StorageException extends BackofficeException {
    public StorageException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public StorageException(String message, Throwable cause) {
        this("storage.failure", message, cause);
    }

    /**
     * A raw {@link java.sql.SQLException} in flight inside {@code Jdbc}, before the retry
     * decision turns it into a plain {@code StorageException}. Callers may see it from nested
     * transactional work; treat it as any {@code StorageException}.
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
