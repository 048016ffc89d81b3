package dev.backoffice.core.validation;

import dev.backoffice.core.error.InvalidRequestException;

import java.util.Collection;

/**
 * Argument checks for public factories and methods. Each failure is an
 * {@link InvalidRequestException} naming the field, never a bare {@code NullPointerException}.
 */
public final class Check {
    private Check() {
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null", null);
        }
        return value;
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(field, "must not be blank", value);
        }
        return value;
    }

    /** Not blank and at most {@code maxLength} characters. */
    public static String text(String value, String field, int maxLength) {
        notBlank(value, field);
        if (value.length() > maxLength) {
            throw InvalidRequestException.of(field, "must be at most " + maxLength + " characters", value.length() + " characters");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw InvalidRequestException.of(field, "must be greater than zero", value);
        }
        return value;
    }

    public static long notNegative(long value, String field) {
        if (value < 0) {
            throw InvalidRequestException.of(field, "must not be negative", value);
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C value, String field) {
        notNull(value, field);
        if (value.isEmpty()) {
            throw InvalidRequestException.of(field, "must not be empty", "[]");
        }
        return value;
    }

    /** Fails with {@code message} about {@code field} unless {@code condition} holds. */
    public static void that(boolean condition, String field, String message, Object rejectedValue) {
        if (!condition) {
            throw InvalidRequestException.of(field, message, rejectedValue);
        }
    }
}
