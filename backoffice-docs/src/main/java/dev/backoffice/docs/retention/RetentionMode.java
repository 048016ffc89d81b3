package dev.backoffice.docs.retention;

/**
 * How strictly a retention binds, after S3 Object Lock's two modes.
 */
public enum RetentionMode {
    /**
     * An actor the archive's {@code OverrideAuthorizer} allows may shorten the retention or
     * delete early, giving a reason that is written to the audit log. Nobody else can.
     */
    GOVERNANCE,
    /**
     * Nobody can shorten the retention or delete before it ends, administrators and the
     * archive's own maintenance paths included. The retention may only be extended; the policy
     * may only be made longer, never weaker or switched to governance. Only a policy whose
     * basis is {@link RetentionBasis#LEGAL_OBLIGATION} may use it.
     */
    COMPLIANCE
}
