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
 *
 * <h2>Reports from a replica</h2>
 * With {@link Builder#reportsFrom(LedgerStore)} the read-only reports (trial balance, balance
 * sheet, income statement, account statements, balances as of a date, the journal feed) read a
 * replica, say a {@code JdbcLedgerStore} built {@code readOnly} over a PostgreSQL hot standby;
 * everything else (writes, accounts, current balances, entries by id, period status) reads and
 * writes the primary. How stale a report may be:
 * <ul>
 *   <li><b>Your own writes are always seen.</b> A report includes every entry this
 *       {@code Ledger} has acknowledged for the tenant: before serving a report from the
 *       replica, the ledger looks the entries it wrote and has not yet seen there up on the
 *       replica (by sequence, one indexed read each, usually one or none), and serves the report
 *       from the primary when one is missing. So a caller that posts and then asks for its trial
 *       balance sees its post, whatever the replica's lag.</li>
 *   <li><b>Other processes' writes may be missing.</b> Entries committed through another
 *       {@code Ledger} (another node, another process) reach the replica only when it has
 *       replayed them: a report may miss the last commits of other nodes, by up to the replica's
 *       replay lag (an asynchronous standby's lag; with {@code synchronous_commit =
 *       remote_apply} there is none). Nothing on a report says which of them it holds: to be
 *       sure a report includes another node's entry, read it after that node's write through a
 *       {@code Ledger} without a replica.</li>
 *   <li><b>A replica never makes a report fail.</b> When the replica cannot be read, the report
 *       is served from the primary (and a warning logged).</li>
 * </ul>
 * The rule relies on the replica applying the primary's commits in commit order, which
 * PostgreSQL streaming replication does (logical replication by table does not: do not point a
 * ledger at such a copy).
 */
public final class Ledger {

    private final LedgerStore store;
    private final Clock clock;
    private final AuditStore audit;
    private final CursorSigner cursors;
    private final LedgerStore replica;
    private final ConcurrentMap<TenantId, TenantLedger> tenants = new ConcurrentHashMap<>();

    private Ledger(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? InMemoryAuditStore.create(clock) : b.audit;
        this.cursors = b.cursors == null ? CursorSigner.random() : b.cursors;
        this.replica = b.replica; // null: reports read the store
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ledger of {@code tenant}. */
    public TenantLedger forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantLedger t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant, id -> LoggingTenantLedger.create(LedgerService.create(store, replica, id, clock, audit, cursors), id));
    }

    /** Builder of {@link Ledger}. */
    public static final class Builder {
        private LedgerStore store;
        private Clock clock;
        private AuditStore audit;
        private CursorSigner cursors;
        private LedgerStore replica;

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

        /**
         * A replica of the store that serves the read-only reports (default: none, the store
         * serves them): trial balance, balance sheet, income statement, account statements,
         * balances as of a date and the journal feed. The ledger never writes to it. A report
         * sees every write this ledger made and may miss the latest commits of other processes,
         * by the replica's replay lag (see the class comment). With JDBC, build it with
         * {@code JdbcLedgerStore.builder(standby).readOnly(true)}: it only verifies the schema,
         * which a hot standby cannot install.
         */
        public Builder reportsFrom(LedgerStore replica) {
            this.replica = Check.notNull(replica, "replica");
            return this;
        }

        /** The ledger. */
        public Ledger build() {
            return new Ledger(this);
        }
    }
}
