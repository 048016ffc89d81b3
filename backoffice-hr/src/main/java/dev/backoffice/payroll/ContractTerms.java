package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The pay terms of a contract from a date on: a contract's terms change over time (a raise, a
 * move to part time) by adding terms with a later {@code effectiveFrom}.
 *
 * @param effectiveFrom       first day these terms apply
 * @param basis               monthly salary or hourly rate
 * @param rate                the monthly salary (for the agreed working time) or the hourly rate
 * @param workingTimeFraction the working-time fraction (etat), {@code 1} for full time, in (0, 1]
 * @param weeklyHours         contracted hours per week at this fraction (used for UK hourly
 *                            equivalents of a salary); positive
 */
public record ContractTerms(LocalDate effectiveFrom, PayBasis basis, Money rate, BigDecimal workingTimeFraction,
                            BigDecimal weeklyHours) {
    public ContractTerms {
        Check.notNull(effectiveFrom, "effectiveFrom");
        Check.notNull(basis, "basis");
        Check.notNull(rate, "rate");
        Check.that(rate.isPositive(), "rate", "must be greater than zero", rate);
        Check.notNull(workingTimeFraction, "workingTimeFraction");
        Check.that(workingTimeFraction.signum() > 0 && workingTimeFraction.compareTo(BigDecimal.ONE) <= 0,
                "workingTimeFraction", "must be in (0, 1]", workingTimeFraction);
        Check.notNull(weeklyHours, "weeklyHours");
        Check.that(weeklyHours.signum() > 0 && weeklyHours.compareTo(BigDecimal.valueOf(168)) <= 0,
                "weeklyHours", "must be in (0, 168]", weeklyHours);
    }

    /** Full-time monthly salary terms (40 hours a week). */
    public static ContractTerms monthly(LocalDate effectiveFrom, Money salary) {
        return new ContractTerms(effectiveFrom, PayBasis.MONTHLY_SALARY, salary, BigDecimal.ONE, BigDecimal.valueOf(40));
    }

    /** Hourly terms at full time (40 hours a week). */
    public static ContractTerms hourly(LocalDate effectiveFrom, Money hourlyRate) {
        return new ContractTerms(effectiveFrom, PayBasis.HOURLY, hourlyRate, BigDecimal.ONE, BigDecimal.valueOf(40));
    }

    /** The same terms with another working-time fraction. */
    public ContractTerms withFraction(BigDecimal fraction) {
        return new ContractTerms(effectiveFrom, basis, rate, fraction, weeklyHours);
    }

    /** The same terms with other weekly hours. */
    public ContractTerms withWeeklyHours(BigDecimal hours) {
        return new ContractTerms(effectiveFrom, basis, rate, workingTimeFraction, hours);
    }
}
