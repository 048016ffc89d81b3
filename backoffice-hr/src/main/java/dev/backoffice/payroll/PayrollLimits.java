package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditEvent;

/**
 * Payroll's explicit limits on text, checked once at the API door (the value records and
 * {@link TenantPayroll}'s methods), so every store accepts and refuses the same input.
 */
public final class PayrollLimits {

    /** Longest given or family name of an employee (characters). */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest bonus description (characters). */
    public static final int MAX_DESCRIPTION_LENGTH = 200;
    /** Longest legal source cited by an employer setting (characters). */
    public static final int MAX_SOURCE_LENGTH = 200;
    /** Longest actor approving a run (characters): the audit log's limit. */
    public static final int MAX_ACTOR_LENGTH = AuditEvent.MAX_ACTOR_LENGTH;

    private PayrollLimits() {
    }
}
