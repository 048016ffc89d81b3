package dev.backoffice.core.error;

import java.util.Objects;

/**
 * One reason a request is invalid.
 *
 * @param field         path of the offending field, e.g. {@code lines[2].quantity}
 * @param message       why it is invalid, for humans
 * @param rejectedValue the value given, rendered as text ({@code null} when absent)
 */
public record Violation(String field, String message, String rejectedValue) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** A violation of {@code field} with the offending value rendered via {@code String.valueOf}. */
    public static Violation of(String field, String message, Object rejectedValue) {
        return new Violation(field, message, rejectedValue == null ? null : String.valueOf(rejectedValue));
    }

    @Override
    public String toString() {
        return field + ": " + message + (rejectedValue == null ? "" : " (was " + rejectedValue + ")");
    }
}
