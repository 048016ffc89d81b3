package dev.backoffice.payroll.pl;

import java.util.Set;

/**
 * The stable codes of the payslip lines the Polish payroll ({@link PolishPayroll}) writes: use
 * them with {@link dev.backoffice.payroll.Payslip#amount(String)} and
 * {@link dev.backoffice.payroll.Payslip#line(String)}. A code never changes meaning once released.
 * Lines that a payslip does not need (no PPK, no bonus, no sickness) are absent, and
 * {@code amount(code)} is then zero; a code not listed here is refused
 * ({@code payroll.unknown_line_code}).
 */
public final class PolishLineCodes {
    private PolishLineCodes() {
    }

    /** Base salary, the whole month or a part month by hours (§ 12 of the 1996 regulation). Earning. */
    public static final String SALARY = "pl.salary";
    /** Hourly pay: hours × rate. Earning. */
    public static final String HOURLY = "pl.hourly";
    /** Overtime pay (KP art. 151¹). Earning. */
    public static final String OVERTIME = "pl.overtime";
    /** A bonus or award from the period input. Earning. */
    public static final String BONUS = "pl.bonus";
    /** Deduction for unpaid leave (negative earning). */
    public static final String UNPAID_LEAVE = "pl.unpaid_leave";
    /** Deduction of salary for sickness days, 1/30 a day (negative earning). */
    public static final String SICK_DEDUCTION = "pl.sick_deduction";
    /** Sick pay, 80% (KP art. 92). Earning. */
    public static final String SICK_PAY = "pl.sick_pay";
    /** The social insurance base when it differs from gross pay (info). */
    public static final String SOCIAL_BASE = "pl.social_base";
    /** The pension/disability base capped at 30× the average wage (info). */
    public static final String PENSION_BASE_CAPPED = "pl.pension_base_capped";
    /** Emerytalne, employee part. Deduction. */
    public static final String PENSION_EMPLOYEE = "pl.pension.employee";
    /** Rentowe, employee part. Deduction. */
    public static final String DISABILITY_EMPLOYEE = "pl.disability.employee";
    /** Chorobowe (employee only). Deduction. */
    public static final String SICKNESS_EMPLOYEE = "pl.sickness.employee";
    /** PPK, employee contribution. Deduction. */
    public static final String PPK_EMPLOYEE = "pl.ppk.employee";
    /** Health insurance 9%. Deduction. */
    public static final String HEALTH = "pl.health";
    /** Revenue for tax (gross + employer PPK), when it differs from gross (info). */
    public static final String REVENUE = "pl.revenue";
    /** Revenue exempt under the under-26 relief (info). */
    public static final String U26_EXEMPT = "pl.u26_exempt";
    /** Social contributions deducted from revenue, pro rata with the under-26 relief (info). */
    public static final String DEDUCTIBLE_SOCIAL = "pl.deductible_social";
    /** Costs of earning revenue, 250 or 300 zł (info). */
    public static final String COSTS = "pl.costs";
    /** The tax base rounded to full złoty (info). */
    public static final String TAX_BASE = "pl.tax_base";
    /** The PIT advance (zaliczka). Deduction. */
    public static final String PIT = "pl.pit";
    /** Net pay (info; equals {@code Payslip.net()}). */
    public static final String NET = "pl.net";
    /** Emerytalne, employer part. Employer cost. */
    public static final String PENSION_EMPLOYER = "pl.pension.employer";
    /** Rentowe, employer part. Employer cost. */
    public static final String DISABILITY_EMPLOYER = "pl.disability.employer";
    /** Wypadkowe (accident insurance) at the employer's rate or the default. Employer cost. */
    public static final String ACCIDENT_EMPLOYER = "pl.accident.employer";
    /** Fundusz Pracy. Employer cost. */
    public static final String FP = "pl.fp";
    /** Fundusz Gwarantowanych Świadczeń Pracowniczych. Employer cost. */
    public static final String FGSP = "pl.fgsp";
    /** PPK, employer contribution. Employer cost. */
    public static final String PPK_EMPLOYER = "pl.ppk.employer";

    /** Every code above. */
    public static final Set<String> ALL = Set.of(SALARY, HOURLY, OVERTIME, BONUS, UNPAID_LEAVE, SICK_DEDUCTION, SICK_PAY, SOCIAL_BASE,
            PENSION_BASE_CAPPED, PENSION_EMPLOYEE, DISABILITY_EMPLOYEE, SICKNESS_EMPLOYEE, PPK_EMPLOYEE, HEALTH, REVENUE, U26_EXEMPT,
            DEDUCTIBLE_SOCIAL, COSTS, TAX_BASE, PIT, NET, PENSION_EMPLOYER, DISABILITY_EMPLOYER, ACCIDENT_EMPLOYER, FP, FGSP, PPK_EMPLOYER);
}
