package dev.backoffice.core.store.move;

/**
 * The steps of a {@link TenantMove}, in order. Each is recorded in the move journal (the
 * tenant's fence rows on the source and the target) before the next begins.
 */
public enum MoveStep {
    /** The target knows the tenant is coming: its writes there are refused until {@link #OPENED}. */
    PREPARED,
    /** The source refuses the tenant's writes ({@code storage.tenant_moving}); in-flight writes have committed. */
    FENCED,
    /** Every module's rows of the tenant are exported from the source (one consistent state: the source is fenced). */
    EXPORTED,
    /** The export is imported into the target (a partial import of an earlier attempt removed first). */
    IMPORTED,
    /** The target's rows equal the export (row counts and SHA-256 per table), the audit chains verify, the checks pass. */
    VERIFIED,
    /** The target accepts the tenant's writes; the source still refuses them. */
    OPENED,
    /** The source refuses the tenant's writes for good ({@code storage.tenant_moved}); the placement names the target. */
    MOVED
}
