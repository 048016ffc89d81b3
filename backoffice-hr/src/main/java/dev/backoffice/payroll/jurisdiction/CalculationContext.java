package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayBasis;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PeriodInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Everything a jurisdiction needs to compute one payslip.
 *
 * @param employee  the employee (with the jurisdiction's profile)
 * @param period    the pay period
 * @param payDate   the pay date
 * @param taxYear   the tax year of the pay date
 * @param segments  the contract segments inside the period, in date order (non-empty)
 * @param input     the period input
 * @param ytdBefore accumulators before this payslip
 * @param settings  the employer's settings (e.g. its accident-insurance rate); {@link EmployerSettings#none()} when it has none
 */
public record CalculationContext(Employee employee, YearMonth period, LocalDate payDate, TaxYear taxYear,
                                 List<ContractSegment> segments, PeriodInput input, YtdView ytdBefore, EmployerSettings settings) {
    public CalculationContext {
        Check.notNull(employee, "employee");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.notNull(taxYear, "taxYear");
        Check.notEmpty(segments, "segments");
        Check.notNull(input, "input");
        Check.notNull(ytdBefore, "ytdBefore");
        Check.notNull(settings, "settings");
    }

    /** A context with no employer settings. */
    public CalculationContext(Employee employee, YearMonth period, LocalDate payDate, TaxYear taxYear,
                              List<ContractSegment> segments, PeriodInput input, YtdView ytdBefore) {
        this(employee, period, payDate, taxYear, segments, input, ytdBefore, EmployerSettings.none());
    }

    /** Whether one segment covers the whole period (no joiner, leaver or change inside it). */
    public boolean wholePeriodUnderOneTerms() {
        return segments.size() == 1 && segments.get(0).from().equals(period.atDay(1))
                && segments.get(0).to().equals(period.atEndOfMonth());
    }

    /**
     * Splits the period's reported hours ({@code input().hours()}) across the hourly segments in
     * proportion to {@code weight} (working hours, calendar days: the jurisdiction's method),
     * rounded half-up to hundredths; the last hourly segment takes what is left, so the parts
     * always add up to the hours reported.
     *
     * @return hours per segment, by position in {@link #segments()}; {@code null} for salaried ones
     */
    public BigDecimal[] hourlyHoursBySegment(ToLongFunction<ContractSegment> weight) {
        Check.notNull(weight, "weight");
        long totalWeight = 0;
        int hourly = 0;
        for (ContractSegment s : segments) {
            if (s.terms().basis() == PayBasis.HOURLY) {
                totalWeight += weight.applyAsLong(s);
                hourly++;
            }
        }
        BigDecimal[] hours = new BigDecimal[segments.size()];
        BigDecimal left = input.hours();
        int seen = 0;
        for (int i = 0; i < segments.size(); i++) {
            ContractSegment s = segments.get(i);
            if (s.terms().basis() != PayBasis.HOURLY) {
                continue;
            }
            if (++seen == hourly) {
                hours[i] = left;
            } else {
                hours[i] = totalWeight == 0 ? BigDecimal.ZERO
                        : input.hours().multiply(BigDecimal.valueOf(weight.applyAsLong(s)))
                        .divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_UP);
                left = left.subtract(hours[i]);
            }
        }
        return hours;
    }

    /** The segment in force at the end of the employment within the period. */
    public ContractSegment lastSegment() {
        return segments.get(segments.size() - 1);
    }
}
