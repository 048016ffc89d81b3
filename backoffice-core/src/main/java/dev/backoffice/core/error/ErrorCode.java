package dev.backoffice.core.error;

import java.util.List;

/**
 * One stable, machine-readable error code of the SDK, the single form every module declares its
 * codes in: an enum per domain ({@code LedgerErrorCode}, {@code OrderErrorCode},
 * {@code PayrollErrorCode}, {@code DocsErrorCode}, and core's own {@link CoreErrorCode}) whose
 * constants implement this interface.
 *
 * <p>A code string looks like {@code domain.reason} ({@code ^[a-z]+(\.[a-z_]+)+$}), starts with
 * its domain's prefix, is unique across the SDK (a test scans every enum) and never changes
 * once released: callers switch on {@link BackofficeException#code()}.
 *
 * <p>The factories build the exception that carries the code, so no module writes a code as a
 * string literal at a throw site. {@link #exception(String, String, Object)} picks the subtype
 * from {@link #kind()}; the typed factories ({@link #invalid}, {@link #notFound},
 * {@link #conflict}, {@link #rule}, {@link #storage}) build one subtype whatever the kind, for the
 * few codes a module reports through more than one family.
 */
public interface ErrorCode {

    /** The exception family a code belongs to. */
    enum Kind {
        /** {@link InvalidRequestException}: the input is wrong. */
        INVALID,
        /** {@link NotFoundException}. */
        NOT_FOUND,
        /** {@link ConflictException}: stale version, idempotency mismatch. */
        CONFLICT,
        /** {@link RuleViolationException}: a business rule forbids it. */
        RULE,
        /** {@link StorageException}: the store failed. */
        STORAGE
    }

    /** The stable code, e.g. {@code ledger.insufficient_funds}. */
    String code();

    /** Which exception family carries it. */
    Kind kind();

    /**
     * The exception for this code, of the subtype its {@link #kind()} names:
     * {@link InvalidRequestException} (one violation of {@code field}), {@link NotFoundException},
     * {@link ConflictException}, {@link RuleViolationException} or {@link StorageException}
     * (message {@code "field: message (rejectedValue)"} for the last four).
     */
    default BackofficeException exception(String field, String message, Object rejectedValue) {
        if (kind() == Kind.INVALID) {
            return invalid(field, message, rejectedValue);
        }
        String text = field + ": " + message + (rejectedValue == null ? "" : " (" + rejectedValue + ")");
        return switch (kind()) {
            case NOT_FOUND -> notFound(text);
            case CONFLICT -> conflict(text);
            case STORAGE -> storage(text, null);
            default -> rule(text);
        };
    }

    /** An {@link InvalidRequestException} with this code and one violation of {@code field}. */
    default InvalidRequestException invalid(String field, String message, Object rejectedValue) {
        return InvalidRequestException.of(code(), field, message, rejectedValue);
    }

    /** An {@link InvalidRequestException} with this code and every violation given. */
    default InvalidRequestException invalid(List<Violation> violations) {
        return new InvalidRequestException(code(), violations);
    }

    /** A {@link NotFoundException} with this code. */
    default NotFoundException notFound(String message) {
        return new NotFoundException(code(), message);
    }

    /** A {@link ConflictException} with this code. */
    default ConflictException conflict(String message) {
        return new ConflictException(code(), message);
    }

    /** A {@link RuleViolationException} with this code. */
    default RuleViolationException rule(String message) {
        return new RuleViolationException(code(), message);
    }

    /** A {@link StorageException} with this code ({@code cause} may be null). */
    default StorageException storage(String message, Throwable cause) {
        return new StorageException(code(), message, cause);
    }
}
