package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * A one-off payment in the period (bonus, commission, award), part of gross pay.
 *
 * @param description what it is, shown on the payslip
 * @param amount      the amount, not negative
 */
public record Bonus(String description, Money amount) {
    public Bonus {
        Check.text(description, "bonus.description", PayrollLimits.MAX_DESCRIPTION_LENGTH);
        Check.notNull(amount, "bonus.amount");
        if (amount.isNegative()) {
            throw PayrollErrorCode.NEGATIVE_INPUT.invalid("bonus.amount", "must not be negative", amount);
        }
    }

    public static Bonus of(String description, Money amount) {
        return new Bonus(description, amount);
    }
}
