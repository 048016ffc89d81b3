package dev.backoffice.payroll.uk;

import java.util.Set;

/**
 * The stable codes of the payslip lines the UK payroll ({@link UkPayroll}) writes: use them with
 * {@link dev.backoffice.payroll.Payslip#amount(String)} and
 * {@link dev.backoffice.payroll.Payslip#line(String)}. A code never changes meaning once released.
 * Lines that a payslip does not need (no loan, no SSP) are absent, and {@code amount(code)} is
 * then zero; a code not listed here is refused ({@code payroll.unknown_line_code}).
 */
public final class UkLineCodes {
    private UkLineCodes() {
    }

    /** Salary, the whole month or a part month by calendar days. Earning. */
    public static final String SALARY = "uk.salary";
    /** Hourly pay. Earning. */
    public static final String HOURLY = "uk.hourly";
    /** Overtime pay. Earning. */
    public static final String OVERTIME = "uk.overtime";
    /** A bonus from the period input. Earning. */
    public static final String BONUS = "uk.bonus";
    /** Deduction for unpaid leave, salary × 12 / 260 a day (negative earning). */
    public static final String UNPAID_LEAVE = "uk.unpaid_leave";
    /** Deduction of salary for sick days (negative earning). */
    public static final String SICK_DEDUCTION = "uk.sick_deduction";
    /** Statutory Sick Pay. Earning. */
    public static final String SSP = "uk.ssp";
    /** Gross pay for tax and NI (info). */
    public static final String GROSS_FOR_TAX = "uk.gross_for_tax";
    /** Class 1 primary (employee) NI. Deduction. */
    public static final String NI_EMPLOYEE = "uk.ni.employee";
    /** Free pay (to date, or month 1) of a suffix code (info). */
    public static final String FREE_PAY = "uk.free_pay";
    /** Additional pay (to date, or month 1) of a K code (info). */
    public static final String ADDITIONAL_PAY = "uk.additional_pay";
    /** Taxable pay to date, rounded down to the pound (info). */
    public static final String TAXABLE_PAY_TO_DATE = "uk.taxable_pay_to_date";
    /** Tax due to date (info). */
    public static final String TAX_DUE_TO_DATE = "uk.tax_due_to_date";
    /** Tax held back by the 50% regulatory limit (info). */
    public static final String REGULATORY_LIMIT = "uk.regulatory_limit";
    /** Income tax under PAYE (negative for a refund). Deduction. */
    public static final String PAYE = "uk.paye";
    /** Student loan deduction (plans 1, 2, 4, 5). Deduction. */
    public static final String STUDENT_LOAN = "uk.student_loan";
    /** Postgraduate loan deduction. Deduction. */
    public static final String POSTGRADUATE_LOAN = "uk.postgraduate_loan";
    /** Net pay (info; equals {@code Payslip.net()}). */
    public static final String NET = "uk.net";
    /** Class 1 secondary (employer) NI. Employer cost. */
    public static final String NI_EMPLOYER = "uk.ni.employer";

    /** Every code above. */
    public static final Set<String> ALL = Set.of(SALARY, HOURLY, OVERTIME, BONUS, UNPAID_LEAVE, SICK_DEDUCTION, SSP, GROSS_FOR_TAX,
            NI_EMPLOYEE, FREE_PAY, ADDITIONAL_PAY, TAXABLE_PAY_TO_DATE, TAX_DUE_TO_DATE, REGULATORY_LIMIT, PAYE, STUDENT_LOAN,
            POSTGRADUATE_LOAN, NET, NI_EMPLOYER);
}
