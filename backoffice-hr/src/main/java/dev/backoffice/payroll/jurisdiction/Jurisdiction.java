package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.payroll.Employee;
import org.joda.money.CurrencyUnit;

import java.time.LocalDate;
import java.util.List;

/**
 * The payroll rules of one country: the plug-in point of the engine. Implementations must be
 * thread-safe and deterministic, load their yearly parameters once, and compute without
 * reflection or JSON on the per-employee path.
 *
 * <p>Ships: {@code PL} ({@link dev.backoffice.payroll.pl.PolishPayroll}) and {@code GB}
 * ({@link dev.backoffice.payroll.uk.UkPayroll}).
 */
public interface Jurisdiction {
    /** The code, e.g. {@code PL}. */
    String code();

    /** The currency pay is computed in. */
    CurrencyUnit currency();

    /**
     * The tax year (and period number) of a pay date; fails with
     * {@code payroll.unsupported_tax_year} if no parameters ship for it.
     */
    TaxYear taxYear(LocalDate payDate);

    /**
     * Checks before computing that the employee can be paid under these rules in that tax year
     * (profile type, tax code, NI category...); fails with a typed, coded exception.
     */
    void validate(Employee employee, TaxYear taxYear);

    /** Computes one payslip into {@code out}. */
    void calculate(CalculationContext ctx, PayslipSink out);

    /**
     * The codes of every payslip line these rules can write (published, e.g.
     * {@link dev.backoffice.payroll.pl.PolishLineCodes#ALL}). {@link dev.backoffice.payroll.Payslip#amount(String)}
     * answers zero for a listed code absent from a payslip and refuses any other code; the default,
     * an empty set, publishes nothing, so only codes present on a payslip are accepted.
     */
    default java.util.Set<String> lineCodes() {
        return java.util.Set.of();
    }

    /** The names of the pipeline steps, in order, as {@code COMPONENT:name}, for documentation. */
    List<String> pipeline();
}
