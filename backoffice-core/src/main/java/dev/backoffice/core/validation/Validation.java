package dev.backoffice.core.validation;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one shared jakarta.validation {@link Validator} and the way commands are checked.
 *
 * <p>Commands are records annotated with jakarta.validation constraints. {@link #validate(Object)}
 * checks one and throws an {@link InvalidRequestException} listing <em>every</em> violation,
 * sorted by field path, or returns the command unchanged.
 *
 * <p>The validator is built once (it is thread-safe and expensive to build). It uses
 * Hibernate Validator's {@link ParameterMessageInterpolator}, so no Expression Language
 * implementation is needed on the class path.
 */
public final class Validation {

    private static final Validator VALIDATOR = jakarta.validation.Validation
            .byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private Validation() {
    }

    /** The shared, thread-safe validator. */
    public static Validator validator() {
        return VALIDATOR;
    }

    /**
     * Validates {@code command} and returns it.
     *
     * @throws InvalidRequestException listing every violation, if any
     */
    public static <T> T validate(T command) {
        Check.notNull(command, "command");
        Set<ConstraintViolation<T>> found = VALIDATOR.validate(command);
        if (!found.isEmpty()) {
            throw new InvalidRequestException(toViolations(found));
        }
        return command;
    }

    static <T> List<Violation> toViolations(Set<ConstraintViolation<T>> found) {
        return found.stream()
                .map(v -> Violation.of(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }
}
