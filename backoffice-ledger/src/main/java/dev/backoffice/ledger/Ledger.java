package dev.backoffice.ledger;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.internal.LedgerService;
import dev.backoffice.ledger.internal.LoggingTenantLedger;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The front door of the ledger: built once over a {@link LedgerStore}, hands out one
 * {@link TenantLedger} per tenant.
 * <pre>{@code
 * Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
 * TenantLedger acme = ledger.forTenant(TenantId.of("acme"));
 * }</pre>
 * Thread-safe.
 */
public final class Ledger {

    private final LedgerStore store;
    private final Clock clock;
    private final AuditStore audit;
    private final CursorSigner cursors;
    private final ConcurrentMap<TenantId, TenantLedger> tenants = new ConcurrentHashMap<>();

    private Ledger(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? InMemoryAuditStore.create(clock) : b.audit;
        this.cursors = b.cursors == null ? CursorSigner.random() : b.cursors;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ledger of {@code tenant}. */
    public TenantLedger forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantLedger t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant, id -> LoggingTenantLedger.create(LedgerService.create(store, id, clock, audit, cursors), id));
    }

    /** Builder of {@link Ledger}. */
    public static final class Builder {
        private LedgerStore store;
        private Clock clock;
        private AuditStore audit;
        private CursorSigner cursors;

        private Builder() {
        }

        /** The store (required). */
        public Builder store(LedgerStore store) {
            this.store = Check.notNull(store, "store");
            return this;
        }

        /** The clock for booking instants and "today" (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /**
         * Where period closes and reopens are audited (default: an in-memory log). With a JDBC
         * store pass a {@code JdbcAuditStore} on the same data source, so the audit record and
         * the period change commit together.
         */
        public Builder audit(AuditStore audit) {
            this.audit = Check.notNull(audit, "audit");
            return this;
        }

        /**
         * The key that signs statement cursors (at least 32 bytes, copied). Give every node that
         * serves the same ledger the same key, so a cursor from one node is accepted by the
         * others and after a restart. Default: a random key per {@code Ledger}, so cursors are
         * valid only as long as this {@code Ledger} lives (a stale cursor is
         * {@code page.invalid_cursor}; the walk restarts from the first page).
         */
        public Builder cursorKey(byte[] key) {
            this.cursors = CursorSigner.withKey(key);
            return this;
        }

        /** The ledger. */
        public Ledger build() {
            return new Ledger(this);
        }
    }
}
