package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.core.validation.Check;
import dev.backoffice.hr.Employee;
import dev.backoffice.payroll.PeriodInput;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

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
 */
public record CalculationContext(Employee employee, YearMonth period, LocalDate payDate, TaxYear taxYear,
                                 List<ContractSegment> segments, PeriodInput input, YtdView ytdBefore) {
    public CalculationContext {
        Check.notNull(employee, "employee");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.notNull(taxYear, "taxYear");
        Check.notEmpty(segments, "segments");
        Check.notNull(input, "input");
        Check.notNull(ytdBefore, "ytdBefore");
    }

    /** Whether one segment covers the whole period (no joiner, leaver or change inside it). */
    public boolean wholePeriodUnderOneTerms() {
        return segments.size() == 1 && segments.get(0).from().equals(period.atDay(1))
                && segments.get(0).to().equals(period.atEndOfMonth());
    }

    /** The segment in force at the end of the employment within the period. */
    public ContractSegment lastSegment() {
        return segments.get(segments.size() - 1);
    }
}
