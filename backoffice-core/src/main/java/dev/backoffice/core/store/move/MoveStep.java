package dev.backoffice.core.store.move;

/**
 * The steps of a {@link TenantMove}, in order. Each is recorded in the move journal (the
 * tenant's fence rows: on the target until the source is fenced, on the source from then on)
 * before the next begins.
 */
public enum MoveStep {
    /** The target knows the tenant is coming: its writes there are refused until {@link #OPENED}. */
    PREPARED,
    /**
     * A consistent snapshot of every module's rows of the tenant is copied into the target and
     * the target's copy hashed equal to it; the tenant kept writing on the source meanwhile.
     */
    COPIED,
    /** The target is brought up to a newer snapshot of the source (unfenced), so that little is left for the fence. */
    CAUGHT_UP,
    /** The source refuses the tenant's writes ({@code storage.tenant_moving}); in-flight writes have committed. */
    FENCED,
    /** What changed since the last snapshot (inserts, updates, deletes) is copied into the target. */
    DELTA_COPIED,
    /** The target's rows equal the fenced source's (row counts, row hashes), the audit chains verify, the checks pass. */
    VERIFIED,
    /** The target accepts the tenant's writes; the source still refuses them. */
    OPENED,
    /** The source refuses the tenant's writes for good ({@code storage.tenant_moved}); the placement names the target. */
    MOVED
}
