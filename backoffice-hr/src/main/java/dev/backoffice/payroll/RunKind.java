package dev.backoffice.payroll;

/** Whether a run is the period's regular run or a correction of an approved one. */
public enum RunKind {
    /** The period's one regular run. */
    REGULAR,
    /** A retro correction: recomputes an approved period with new inputs; its payslips carry the difference. */
    CORRECTION
}
