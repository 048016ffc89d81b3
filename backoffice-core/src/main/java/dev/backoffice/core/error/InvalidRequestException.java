package dev.backoffice.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input is wrong. Lists every {@link Violation} found, not just the first, so a caller can
 * show all problems of a form at once. Nothing was written.
 */
public class InvalidRequestException extends BackofficeException {

    /** Default code for validation failures of a command or factory argument. */
    public static final String CODE = "request.invalid";

    private final List<Violation> violations;

    public InvalidRequestException(String code, List<Violation> violations) {
        super(code, render(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(List<Violation> violations) {
        this(CODE, violations);
    }

    /** One violation of {@code field}. */
    public static InvalidRequestException of(String field, String message, Object rejectedValue) {
        return new InvalidRequestException(List.of(Violation.of(field, message, rejectedValue)));
    }

    /** One violation of {@code field} with a specific code. */
    public static InvalidRequestException of(String code, String field, String message, Object rejectedValue) {
        return new InvalidRequestException(code, List.of(Violation.of(field, message, rejectedValue)));
    }

    /** Every violation, in a stable order (by field path). */
    public List<Violation> violations() {
        return violations;
    }

    private static String render(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        return "invalid request: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
