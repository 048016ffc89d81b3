package dev.backoffice.core.audit;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Audit logs in memory: for tests and the in-memory demo. Thread-safe. */
public final class InMemoryAuditStore implements AuditStore {

    private final Clock clock;
    private final ConcurrentMap<TenantId, Log> logs = new ConcurrentHashMap<>();

    private InMemoryAuditStore(Clock clock) {
        this.clock = Check.notNull(clock, "clock");
    }

    /** An empty store whose records are timestamped by {@code clock}. */
    public static InMemoryAuditStore create(Clock clock) {
        return new InMemoryAuditStore(clock);
    }

    @Override
    public AuditLog forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return logs.computeIfAbsent(tenant, t -> new Log(t, clock));
    }

    /**
     * Replaces a stored record, bypassing the chain: only for tests that prove tampering is
     * detected.
     */
    void tamper(TenantId tenant, long sequence, AuditRecord replacement) {
        Log log = logs.get(tenant);
        synchronized (log) {
            log.records.set((int) sequence - 1, replacement);
        }
    }

    private static final class Log implements AuditLog {
        private final TenantId tenant;
        private final Clock clock;
        private final List<AuditRecord> records = new ArrayList<>();

        Log(TenantId tenant, Clock clock) {
            this.tenant = tenant;
            this.clock = clock;
        }

        @Override
        public TenantId tenant() {
            return tenant;
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
