package dev.backoffice.core.audit;

import dev.backoffice.core.store.TenantReads;
import dev.backoffice.core.tenant.TenantId;

import java.util.List;

/**
 * One tenant's append-only, hash-chained audit log. Obtain it from an {@link AuditStore}.
 *
 * <p>Used for the acts a regulator or auditor may ask about: period closes and reopens, payroll
 * approvals, document disposals, retention overrides. Appends are serialized per tenant, so the
 * chain never forks even with many writers in many processes.
 */
public interface AuditLog extends TenantReads {

    /** The tenant this log belongs to. */
    @Override
    TenantId tenant();

    /**
     * Appends an event and returns the stored record. In a JDBC store, called inside a
     * {@code Jdbc.inTransaction} of the same data source, the record is part of that
     * transaction: it lands with the business write or not at all.
     */
    AuditRecord append(AuditEvent event);

    /** Records from {@code fromSequence} (inclusive, from 1), at most {@code limit}, in order. */
    List<AuditRecord> read(long fromSequence, int limit);

    /** The number of records. */
    long size();

    /**
     * Re-computes every hash and link from the first record; names the first broken one. Only
     * reads: it runs while the tenant's writes are fenced for a move.
     */
    AuditVerification verify();
}
