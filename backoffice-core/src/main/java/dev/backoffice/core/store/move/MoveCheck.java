package dev.backoffice.core.store.move;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;

/**
 * A domain check a {@link TenantMove} runs on the target before it switches (the ledger's
 * trial balance, say): throw to stop the move, leaving the tenant fenced on its source until
 * the move is run again or rolled back.
 */
@FunctionalInterface
public interface MoveCheck {

    /**
     * Checks {@code tenant}'s imported state on the target.
     *
     * @param tenant the tenant being moved
     * @param target the target database (unfenced: the check may read and write freely)
     */
    void check(TenantId tenant, Jdbc target);
}
