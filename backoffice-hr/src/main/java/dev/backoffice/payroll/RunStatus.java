package dev.backoffice.payroll;

/** A run's state. Approved runs never change. */
public enum RunStatus {
    /** Computed but not stored: look, then approve. */
    PREVIEW,
    /** Stored, recorded in the audit log, immutable. */
    APPROVED
}
