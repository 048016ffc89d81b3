package dev.backoffice.core.error;

/**
 * The request conflicts with what is stored: a stale version (someone else changed the entity
 * first) or an idempotency key reused with different content. Retrying the same request
 * unchanged will not help; re-read and decide.
 */
public class ConflictException extends BackofficeException {
    public ConflictException(String code, String message) {
        super(code, message);
    }
}
