package dev.backoffice.payroll.internal;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.PayrollErrorCode;

import java.math.BigDecimal;

/** Parsing of numbers given as text, with typed errors. Not part of the API. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@code text} as a decimal number ({@code "8"}, {@code "7.5"}).
     *
     * @throws InvalidRequestException {@code payroll.not_a_number} naming {@code field} when it is not one
     */
    public static BigDecimal decimal(String text, String field) {
        Check.notNull(text, field);
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw PayrollErrorCode.NOT_A_NUMBER.invalid(field, "must be a decimal number such as 7.5", text);
        }
    }
}
