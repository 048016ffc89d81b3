package dev.backoffice.core.store.move;

import dev.backoffice.core.tenant.TenantId;

import java.time.Duration;
import java.util.Map;

/**
 * What a {@link TenantMove} did.
 *
 * @param tenant  the tenant moved
 * @param from    the source database's key
 * @param to      the target database's key
 * @param moveId  the move's id in the journal (the same when a move is run again)
 * @param reached the last step done ({@link MoveStep#MOVED} when the move is complete)
 * @param rows    rows of the tenant on the source when it was fenced, by table (empty for a
 *                rollback, and for a run that only had the switch left to do)
 * @param total   how long this run took
 * @param fenced  how long the tenant's writes were refused during this run (from the fence to
 *                the target's opening)
 * @param resumed whether this run continued a move an earlier run had left unfinished
 * @param steps   how long each step of this run took, in step order (the step's work up to its
 *                journal entry)
 * @param delta   rows written or deleted on the target while the source was fenced (the delta)
 */
public record MoveReport(TenantId tenant, String from, String to, String moveId, MoveStep reached, Map<String, Long> rows,
                         Duration total, Duration fenced, boolean resumed, Map<MoveStep, Duration> steps, long delta) {

    /** Whether the tenant now lives on the target. */
    public boolean complete() {
        return reached == MoveStep.MOVED;
    }
}
