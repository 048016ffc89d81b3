package dev.backoffice.payroll;

/** UK student and postgraduate loan plans collected through PAYE. */
public enum StudentLoanPlan {
    PLAN_1, PLAN_2, PLAN_4, PLAN_5, POSTGRADUATE
}
