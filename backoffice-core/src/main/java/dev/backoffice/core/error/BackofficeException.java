package dev.backoffice.core.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Root of every exception the SDK throws for a business or request reason.
 *
 * <p>Each exception carries a stable, machine-readable {@link #code()} such as
 * {@code ledger.insufficient_funds} or {@code order.illegal_transition}. Codes are part of the
 * public API: they never change meaning once released, so callers may switch on them, map them
 * to HTTP statuses or translate them. The message is for humans and may change.
 *
 * <p>Subtypes say what kind of failure it is: {@link InvalidRequestException} (the input is
 * wrong), {@link NotFoundException}, {@link ConflictException} (idempotency mismatch, stale
 * version), {@link RuleViolationException} (a business rule forbids it) and
 * {@link StorageException} (the store failed).
 */
public abstract class BackofficeException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private final String code;

    protected BackofficeException(String code, String message) {
        this(code, message, null);
    }

    protected BackofficeException(String code, String message, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("error code must look like 'module.reason': " + code);
        }
        this.code = code;
    }

    /** The stable machine-readable code, e.g. {@code ledger.insufficient_funds}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + "]: " + getMessage();
    }
}
