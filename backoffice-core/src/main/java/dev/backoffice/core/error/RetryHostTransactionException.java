package dev.backoffice.core.error;

/**
 * A serialization failure, a deadlock or a lost connection met by SDK work running inside the
 * host application's transaction (see {@code dev.backoffice.core.jdbc.HostTransactions}). The
 * SDK does not retry there, because the transaction is not its own: the host must roll its
 * transaction back and run it again as a whole. What the SDK call wrote was rolled back to its
 * savepoint (on PostgreSQL the host's transaction is nevertheless doomed after such a failure:
 * roll it back). Code {@value #CODE}, a {@link StorageException}: nothing of the SDK call is
 * stored, and retrying the host transaction with the same identities is safe.
 *
 * <p>With Spring, a {@code @Retryable} (or a loop around a {@code TransactionTemplate}) that
 * retries on this exception is the usual answer.
 */
public class RetryHostTransactionException extends StorageException {

    /** The stable code: {@code storage.retry_host_transaction}. */
    public static final String CODE = "storage.retry_host_transaction";

    /**
     * @param message what failed, for humans
     * @param cause   the database's failure (its SQLSTATE says which)
     */
    public RetryHostTransactionException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
