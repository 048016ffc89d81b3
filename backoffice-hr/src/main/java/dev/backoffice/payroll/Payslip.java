package dev.backoffice.payroll;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One employee's pay for one period: every line, the totals, and the year-to-date accumulators
 * after it.
 *
 * <p>Invariants, checked on construction: {@code gross} is the sum of {@link LineEffect#EARNING}
 * lines, {@code deductions} the sum of {@link LineEffect#DEDUCTION} lines, {@code net = gross -
 * deductions}, and {@code employerCost} the sum of {@link LineEffect#EMPLOYER} lines. For a
 * {@link RunKind#CORRECTION} payslip the lines and totals are the <em>differences</em> from what
 * was approved before for the period.
 *
 * @param runId        the run
 * @param employeeId   the employee
 * @param employeeName the name at the time of the run
 * @param period       the pay period
 * @param payDate      the pay date
 * @param jurisdiction the rules used, e.g. {@code PL}
 * @param taxYear      the tax year, e.g. {@code 2025} or {@code 2025/26}
 * @param kind         regular or correction
 * @param currency     the currency
 * @param lines        every line, in pipeline order
 * @param gross        gross pay
 * @param deductions   everything withheld
 * @param net          net pay
 * @param employerCost the employer's contributions on top of gross
 * @param ytd          year-to-date accumulators after this payslip, in minor units, by key (immutable, sorted by key)
 * @param ytdDelta     what this payslip added to each accumulator
 */
public record Payslip(PayrollRunId runId, EmployeeId employeeId, String employeeName, YearMonth period, LocalDate payDate,
                      String jurisdiction, String taxYear, RunKind kind, CurrencyUnit currency, List<PayslipLine> lines,
                      Money gross, Money deductions, Money net, Money employerCost,
                      Map<String, Long> ytd, Map<String, Long> ytdDelta) {
    public Payslip {
        Check.notNull(runId, "runId");
        Check.notNull(employeeId, "employeeId");
        Check.notBlank(employeeName, "employeeName");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.notBlank(jurisdiction, "jurisdiction");
        Check.notBlank(taxYear, "taxYear");
        Check.notNull(kind, "kind");
        Check.notNull(currency, "currency");
        Check.notNull(lines, "lines");
        lines = lines instanceof dev.backoffice.payroll.internal.PackedLines ? lines : List.copyOf(lines);
        Check.notNull(gross, "gross");
        Check.notNull(deductions, "deductions");
        Check.notNull(net, "net");
        Check.notNull(employerCost, "employerCost");
        ytd = dev.backoffice.payroll.internal.LongMap.copyOf(Check.notNull(ytd, "ytd"));
        ytdDelta = dev.backoffice.payroll.internal.LongMap.copyOf(Check.notNull(ytdDelta, "ytdDelta"));
        long g = 0;
        long d = 0;
        long e = 0;
        if (lines instanceof dev.backoffice.payroll.internal.PackedLines packed) {
            Check.that(packed.currency().equals(currency), "lines", "must be in the payslip's currency", packed.currency());
            g = packed.sum(LineEffect.EARNING);
            d = packed.sum(LineEffect.DEDUCTION);
            e = packed.sum(LineEffect.EMPLOYER);
        } else {
            for (PayslipLine l : lines) {
                long m = MoneyMath.toMinor(l.amount());
                switch (l.effect()) {
                    case EARNING -> g = MoneyMath.addExact(g, m);
                    case DEDUCTION -> d = MoneyMath.addExact(d, m);
                    case EMPLOYER -> e = MoneyMath.addExact(e, m);
                    case INFO -> {
                    }
                }
            }
        }
        if (MoneyMath.toMinor(gross) != g || MoneyMath.toMinor(deductions) != d || MoneyMath.toMinor(net) != g - d
                || MoneyMath.toMinor(employerCost) != e) {
            throw dev.backoffice.core.error.InvalidRequestException.of("payslip",
                    "totals must match the lines: gross " + g + ", deductions " + d + ", net " + (g - d) + ", employer " + e + " (minor units)",
                    gross + " / " + deductions + " / " + net + " / " + employerCost);
        }
    }

    /** Gross plus the employer's contributions: what this employee cost the employer. */
    public Money totalCost() {
        return MoneyMath.plus(gross, employerCost);
    }

    /** The line with {@code code}, if any (the code as published, e.g. {@link dev.backoffice.payroll.pl.PolishLineCodes#PIT}). */
    public java.util.Optional<PayslipLine> line(String code) {
        for (PayslipLine l : lines) {
            if (l.code().equals(code)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The sum of the lines with {@code code}: zero when the code is one the jurisdiction publishes
     * ({@link LineCodes#of}) but this payslip has no such line (no PPK, no loan...).
     *
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.unknown_line_code}
     *         when the code is neither on this payslip nor published by its jurisdiction, so that
     *         a typo never reads as a real zero
     */
    public Money amount(String code) {
        Check.notNull(code, "code");
        long sum = 0;
        boolean found = false;
        for (PayslipLine l : lines) {
            if (l.code().equals(code)) {
                found = true;
                sum = MoneyMath.addExact(sum, MoneyMath.toMinor(l.amount()));
            }
        }
        if (!found && !LineCodes.of(jurisdiction).contains(code)) {
            throw PayrollErrorCode.UNKNOWN_LINE_CODE.invalid("code",
                    "is not a payslip line code of " + jurisdiction + " (known: " + new java.util.TreeSet<>(LineCodes.of(jurisdiction)) + ")", code);
        }
        return Money.ofMinor(currency, sum);
    }
}
