package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One employee's month computed from values alone, with no store, audit or tenant: "what would
 * Anna's March look like with this raise and this bonus?" See {@link PayrollEngine#whatIf}.
 *
 * <pre>{@code
 * PayrollEngine calculator = PayrollEngine.builder().build(); // no store, no audit store
 * Payslip march = calculator.whatIf(WhatIf.of("PL", YearMonth.of(2025, 3), anna, contract)
 *         .withInput(PeriodInput.builder(anna.id()).bonus(Bonus.of("award", Money.parse("PLN 500.00"))).build()));
 * }</pre>
 *
 * @param jurisdiction the rules, e.g. {@code PL} or {@code GB} (aliases such as {@code UK} accepted)
 * @param period       the pay period
 * @param payDate      the pay date (decides the tax year and UK tax month); within the period or the following month
 * @param employee     the employee
 * @param contracts    the employee's contracts (those overlapping the period are used; at least one must)
 * @param input        the period input (hours, overtime, bonuses, absences) of this employee
 * @param ytdBefore    year-to-date accumulators before this month, in minor units, by key (e.g.
 *                     {@code PolishPayroll.YTD_TAX_INCOME}); empty for the first month of the tax year
 * @param settings     the employer's settings (e.g. its accident-insurance rate)
 */
public record WhatIf(String jurisdiction, YearMonth period, LocalDate payDate, Employee employee, List<Contract> contracts,
                     PeriodInput input, Map<String, Long> ytdBefore, EmployerSettings settings) {
    public WhatIf {
        Check.notBlank(jurisdiction, "jurisdiction");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.that(!payDate.isBefore(period.atDay(1)) && !payDate.isAfter(period.plusMonths(1).atEndOfMonth()),
                "payDate", "must be within the period or the following month", payDate);
        Check.notNull(employee, "employee");
        contracts = List.copyOf(Check.notEmpty(contracts, "contracts"));
        for (int i = 0; i < contracts.size(); i++) {
            Check.that(contracts.get(i).employeeId().equals(employee.id()), "contracts[" + i + "].employeeId",
                    "must be the employee's " + employee.id(), contracts.get(i).employeeId());
        }
        Check.notNull(input, "input");
        Check.that(input.employeeId().equals(employee.id()), "input.employeeId", "must be the employee's " + employee.id(), input.employeeId());
        ytdBefore = Map.copyOf(Check.notNull(ytdBefore, "ytdBefore"));
        Check.notNull(settings, "settings");
    }

    /** The month of {@code employee} under {@code contracts}, paid on its last day, with no input, year to date or settings. */
    public static WhatIf of(String jurisdiction, YearMonth period, Employee employee, Contract... contracts) {
        Check.notNull(employee, "employee");
        return new WhatIf(jurisdiction, period, Check.notNull(period, "period").atEndOfMonth(), employee, List.of(contracts),
                PeriodInput.none(employee.id()), Map.of(), EmployerSettings.none());
    }

    /** The same with this period input. */
    public WhatIf withInput(PeriodInput newInput) {
        return new WhatIf(jurisdiction, period, payDate, employee, contracts, newInput, ytdBefore, settings);
    }

    /** The same with these year-to-date accumulators before the month. */
    public WhatIf withYtdBefore(Map<String, Long> ytd) {
        return new WhatIf(jurisdiction, period, payDate, employee, contracts, input, ytd, settings);
    }

    /** The same with these employer settings. */
    public WhatIf withSettings(EmployerSettings newSettings) {
        return new WhatIf(jurisdiction, period, payDate, employee, contracts, input, ytdBefore, newSettings);
    }

    /** The same paid on another date. */
    public WhatIf withPayDate(LocalDate date) {
        return new WhatIf(jurisdiction, period, date, employee, contracts, input, ytdBefore, settings);
    }
}
