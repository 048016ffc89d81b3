package dev.backoffice.payroll;

/** The named stages of the payroll pipeline, in order; every payslip line belongs to one. */
public enum PayrollComponent {
    /** Salary, hours, overtime, bonuses, absence adjustments, sick pay. */
    EARNINGS,
    /** Gross pay and the bases derived from it. */
    GROSS,
    /** Social insurance and pension the employee pays out of gross. */
    EMPLOYEE_CONTRIBUTIONS,
    /** The income tax base: reliefs, costs, allowances, rounding. */
    TAX_BASE,
    /** Income tax withheld. */
    TAX,
    /** Other deductions after tax (health insurance in Poland, student loans in the UK) and net pay. */
    NET,
    /** What the employer pays on top of gross. */
    EMPLOYER_COSTS
}
