package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.internal.Numbers;

import java.math.BigDecimal;

/**
 * Overtime hours paid at a multiple of the hourly rate (e.g. 1.5 for the Polish 50% supplement
 * on top of normal pay, art. 151¹ § 1 pkt 2 Kodeksu pracy; 2.0 for the 100% supplement).
 *
 * @param hours      overtime hours, not negative
 * @param multiplier pay per hour as a multiple of the hourly rate, at least 1
 */
public record Overtime(BigDecimal hours, BigDecimal multiplier) {
    public Overtime {
        Check.notNull(hours, "hours");
        Check.notNull(multiplier, "multiplier");
        if (hours.signum() < 0) {
            throw PayrollErrorCode.NEGATIVE_INPUT.invalid("overtime.hours", "must not be negative", hours);
        }
        Check.that(multiplier.compareTo(BigDecimal.ONE) >= 0 && multiplier.compareTo(BigDecimal.TEN) <= 0,
                "overtime.multiplier", "must be between 1 and 10", multiplier);
    }

    /**
     * Overtime from text, e.g. {@code of("8", "1.5")}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.not_a_number} naming
     *         {@code overtime.hours} or {@code overtime.multiplier} when one is not a decimal number
     */
    public static Overtime of(String hours, String multiplier) {
        return new Overtime(Numbers.decimal(hours, "overtime.hours"), Numbers.decimal(multiplier, "overtime.multiplier"));
    }
}
