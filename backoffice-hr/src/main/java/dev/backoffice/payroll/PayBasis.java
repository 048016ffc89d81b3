package dev.backoffice.payroll;

/** How a contract pays: a monthly salary, or an hourly rate times the hours reported. */
public enum PayBasis {
    /** A fixed amount per month for the agreed working time (already reflecting the fraction). */
    MONTHLY_SALARY,
    /** An amount per hour worked; hours come with each period's input. */
    HOURLY
}
