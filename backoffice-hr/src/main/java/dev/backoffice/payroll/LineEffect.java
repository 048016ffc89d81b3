package dev.backoffice.payroll;

/** How a payslip line counts towards the totals. */
public enum LineEffect {
    /** Adds to gross pay (negative for absence deductions). */
    EARNING,
    /** Taken from gross pay to reach net pay. */
    DEDUCTION,
    /** Paid by the employer on top of gross pay. */
    EMPLOYER,
    /** Explains a base, an allowance or a year-to-date figure; counts towards nothing. */
    INFO
}
