package dev.backoffice.core.audit;

import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Audit logs in memory: for tests and the in-memory demo. Each tenant's log is made on first use
 * and kept for the life of the store. Thread-safe.
 */
public final class InMemoryAuditStore extends TenantScopedStore<AuditLog> implements AuditStore {

    private final Clock clock;

    private InMemoryAuditStore(Clock clock) {
        super(Handles.KEPT);
        this.clock = Check.notNull(clock, "clock");
    }

    /** An empty store whose records are timestamped by {@code clock}. */
    public static InMemoryAuditStore create(Clock clock) {
        return new InMemoryAuditStore(clock);
    }

    /** A new, empty log of {@code tenant}. */
    @Override
    protected AuditLog open(TenantId tenant) {
        return new Log(tenant, clock);
    }

    /**
     * Replaces a stored record, bypassing the chain: only for tests that prove tampering is
     * detected.
     */
    void tamper(TenantId tenant, long sequence, AuditRecord replacement) {
        Log log = (Log) forTenant(tenant);
        synchronized (log) {
            log.records.set((int) sequence - 1, replacement);
        }
    }

    private static final class Log extends TenantScope implements AuditLog {
        private final Clock clock;
        private final List<AuditRecord> records = new ArrayList<>();

        Log(TenantId tenant, Clock clock) {
            super(tenant);
            this.clock = clock;
        }

        @Override
        public synchronized AuditRecord append(AuditEvent event) {
            Check.notNull(event, "event");
            AuditRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
            AuditRecord record = AuditChain.next(tenant, last, clock.instant(), event);
            records.add(record);
            return record;
        }

        @Override
        public synchronized List<AuditRecord> read(long fromSequence, int limit) {
            Check.that(fromSequence >= 1, "fromSequence", "must be at least 1", fromSequence);
            Check.positive(limit, "limit");
            int from = (int) Math.min(fromSequence - 1, records.size());
            int to = (int) Math.min((long) from + limit, records.size());
            return List.copyOf(records.subList(from, to));
        }

        @Override
        public synchronized long size() {
            return records.size();
        }

        @Override
        public synchronized AuditVerification verify() {
            return AuditChain.verify(List.copyOf(records));
        }
    }
}
