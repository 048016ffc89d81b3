package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.LedgerReads;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerTx;
import dev.backoffice.ledger.TenantLedgerStore;
import dev.backoffice.ledger.jdbc.internal.AccountCache;
import dev.backoffice.ledger.jdbc.internal.GroupCommitRunner;
import dev.backoffice.ledger.jdbc.internal.GroupCommitter;
import dev.backoffice.ledger.jdbc.internal.GroupRequest;
import dev.backoffice.ledger.jdbc.internal.JdbcReader;
import dev.backoffice.ledger.jdbc.internal.SequenceBlocks;
import dev.backoffice.ledger.jdbc.internal.StatsKeeper;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The ledger on JDBC: PostgreSQL in production, embedded H2 (file or memory, PostgreSQL mode) by
 * default. Schema: {@code db/ledger/V1__ledger.sql} and {@code V2__ledger_current_day.sql}
 * (Flyway naming; installed by the store unless told otherwise).
 * <pre>{@code
 * JdbcLedgerStore store = JdbcLedgerStore.builder(dataSource).build();   // or JdbcLedgerStore.embedded(path)
 * Ledger ledger = Ledger.builder().store(store).build();
 * }</pre>
 *
 * <h2>Group commit</h2>
 * Concurrent units of work of one tenant are coalesced into one database transaction: callers
 * queue their work on the tenant's lane and wait; a committer thread takes everything queued (up
 * to {@link Builder#maxGroupSize}) and runs it as one group, then hands each caller its own result
 * or its own exception. A hot account (the fee account every entry touches) is therefore locked,
 * updated and committed once per group instead of once per entry, and the commit's fsync is shared.
 * An atomic batch ({@code postAll}) is one unit of work, so it stays all-or-nothing inside a group.
 * Each tenant has {@link Builder#lanesPerTenant} lanes (default 1): one group of a tenant runs at
 * a time per lane.
 *
 * <h2>Locking order (why there is no deadlock)</h2>
 * Every writing transaction of this store, in any process, takes its locks in one order:
 * <ol>
 *   <li>the tenant's period row ({@code ledger_period}), {@code FOR SHARE} for postings,
 *       {@code FOR UPDATE} for period closes;</li>
 *   <li>then all the account rows it will touch, in one statement
 *       {@code SELECT ... WHERE tenant_id = ? AND account_id = ANY(?) ORDER BY account_id FOR UPDATE},
 *       i.e. in (tenant_id, account_id) order (on H2 a join with {@code UNNEST} of the ids, also
 *       {@code FOR UPDATE}; there the period row lock is exclusive for every writer and every H2
 *       transaction that locks accounts holds it first, so two account lockers of one tenant never
 *       run at once and the order inside the statement cannot matter);</li>
 *   <li>then only updates of the rows it holds and inserts of new rows (entries, movements,
 *       snapshot rows of accounts it holds).</li>
 * </ol>
 * On PostgreSQL steps 1 and 2 usually go to the server as one multi-statement execution, in that
 * order (the units were discovered beforehand from cached accounts; see {@code GroupRun}).
 * A group learns every account it needs before locking any (see
 * {@code dev.backoffice.ledger.jdbc.internal.GroupRun}); a unit of work that would need a lock
 * outside that order is taken out of the group and run alone. Serialization failures and
 * deadlocks caused by anything else are retried by the core {@link Jdbc} helper (the whole group
 * reruns); a unique-key race with another process reruns the group, which then answers the loser
 * as an idempotent replay or a typed conflict. A group whose commit outcome is unknown (the
 * connection died during {@code COMMIT}) is never rerun: each of its units fails with
 * {@code storage.outcome_unknown}, which the ledger resolves by the unit's identity.
 *
 * <p>Work already inside a {@link Jdbc} transaction of the calling thread (the caller's own
 * transaction on the same data source) joins it instead of being grouped.
 *
 * <h2>A read-only store over a replica</h2>
 * {@link Builder#readOnly(boolean) readOnly(true)} makes a store for
 * {@code Ledger.builder().reportsFrom(...)} over a hot standby (a PostgreSQL server in recovery,
 * which refuses every write, DDL included): it verifies that the schema is there instead of
 * installing it, starts no committer thread, and refuses every unit of work with an
 * {@link IllegalStateException}, so a misconfigured ledger fails at once instead of retrying
 * writes against a server that cannot take them.
 *
 * <p>Thread-safe. {@link #close()} stops the committer threads (queued work finishes first).
 */
public final class JdbcLedgerStore extends TenantScopedStore<TenantLedgerStore> implements LedgerStore, AutoCloseable {

    /** The schema scripts under {@code db/ledger/}, in order. */
    public static final List<String> SCRIPTS = List.of("V1__ledger.sql", "V2__ledger_current_day.sql");

    private final Jdbc jdbc;
    private final SequenceBlocks sequences;
    private final GroupCommitter<Lane, GroupRequest> committer;
    private final int lanes;
    private final boolean readOnly;
    /** Committed accounts, shared by the groups and the units run alone. */
    private final AccountCache accountCache = AccountCache.create();

    /** A tenant's lane: one group runs at a time on each. */
    private record Lane(TenantId tenant, int slot) {
    }

    private JdbcLedgerStore(Builder b) {
        super(Handles.PER_CALL);
        this.jdbc = b.jdbc;
        // over a moveable database a tenant may move in: numbers then keep above its imported ones
        this.sequences = SequenceBlocks.create(jdbc.checksFences());
        this.readOnly = b.readOnly;
        if (readOnly) {
            verifySchema(jdbc);
        } else if (b.installSchema) {
            SchemaInstaller.install(jdbc, "ledger", SCRIPTS);
        }
        this.lanes = b.lanesPerTenant;
        GroupCommitRunner runner = GroupCommitRunner.create(jdbc, sequences, accountCache, StatsKeeper.create(jdbc));
        this.committer = b.groupCommit && !readOnly
                ? GroupCommitter.create((lane, group) -> runner.accept(lane.tenant(), group),
                Math.max(b.committerThreads, b.lanesPerTenant), b.maxGroupSize, b.queueCapacity, "ledger-committer")
                : null;
    }

    /**
     * Checks, with one read, that every ledger table and the latest column are there: what a
     * read-only store does instead of installing the schema (a hot standby refuses DDL, and the
     * installer would retry it as a read-only-server error until it gave up).
     */
    private static void verifySchema(Jdbc jdbc) {
        try {
            jdbc.inReadTransaction(c -> Jdbc.queryOne(c, "SELECT 1 FROM ledger_account a, ledger_entry e, ledger_entry_link l, "
                    + "ledger_hold h, ledger_movement m, ledger_account_day d, ledger_period p "
                    + "WHERE 1 = 0 AND a.day_date IS NULL", rs -> true));
        } catch (StorageException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("42")) {
                throw CoreErrorCode.STORAGE_SCHEMA_MISSING.storage("the ledger schema (db/ledger/" + SCRIPTS.get(SCRIPTS.size() - 1)
                        + ") is not on the read-only database: install it on the primary (" + sql.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /** A store over {@code dataSource} with the defaults (schema installed, group commit on). */
    public static JdbcLedgerStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** The embedded default: an H2 database in {@code file} (created with its schema if absent). */
    public static JdbcLedgerStore embedded(Path file) {
        return builder(EmbeddedDatabase.file(file)).build();
    }

    /** A builder over {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Jdbc.of(Check.notNull(dataSource, "dataSource")));
    }

    /** A builder over an existing helper (its retry policy and isolation are kept). */
    public static Builder builder(Jdbc jdbc) {
        return new Builder(Check.notNull(jdbc, "jdbc"));
    }

    /** The helper this store writes through. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The recorder of this store's {@link Jdbc} ({@link Jdbc#withMetrics}): the ledger over it counts there too. */
    @Override
    public MetricsRecorder metrics() {
        return jdbc.metrics();
    }

    /**
     * A view of {@code tenant}, made per call and never kept: the store holds no handle per
     * tenant (what it keeps per tenant is its committer lane and its account cache).
     */
    @Override
    protected TenantLedgerStore open(TenantId tenant) {
        return new Handle(tenant);
    }

    /** One tenant's reads and units of work on this store. */
    private final class Handle extends TenantScope implements TenantLedgerStore {

        Handle(TenantId tenant) {
            super(tenant);
        }

        @Override
        public LedgerReads read() {
            return JdbcReader.create(jdbc, tenant);
        }

        /**
         * Queues {@code work} on the tenant's lane for the next group and waits for its own
         * outcome; runs it alone when group commit is off, when the calling thread is inside a
         * transaction of this store's {@link Jdbc} (it joins that one), or when the lane is full.
         */
        @Override
        @SuppressWarnings("unchecked")
        public <T> T write(Function<? super LedgerTx, ? extends T> work) {
            Check.notNull(work, "work");
            if (readOnly) {
                throw new IllegalStateException("this ledger store is read-only (a replica): write through the primary's store");
            }
            if (committer == null || jdbc.inTransaction()) {
                return GroupCommitRunner.runAlone(jdbc, sequences, accountCache, tenant, work);
            }
            GroupRequest request = GroupRequest.create(work);
            int slot = lanes == 1 ? 0 : (int) (Thread.currentThread().getId() % lanes);
            if (!committer.offer(new Lane(tenant, slot), request)) {
                return GroupCommitRunner.runAlone(jdbc, sequences, accountCache, tenant, work);
            }
            return (T) request.await();
        }
    }

    /** Stops the committer threads after the queued work is done. */
    @Override
    public void close() {
        if (committer != null) {
            committer.close();
        }
    }

    /** Builder of {@link JdbcLedgerStore}. */
    public static final class Builder {
        private final Jdbc jdbc;
        private boolean installSchema = true;
        private boolean groupCommit = true;
        private int committerThreads = 2;
        private int maxGroupSize = 512;
        private int queueCapacity = 16_384;
        private int lanesPerTenant = 1;
        private boolean readOnly;

        private Builder(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Whether the store installs its schema scripts on build (default true; turn off when
         * Flyway or Liquibase runs {@code db/ledger/*.sql}).
         */
        public Builder installSchema(boolean install) {
            this.installSchema = install;
            return this;
        }

        /**
         * Whether the store only reads (default false): true for a replica given to
         * {@code Ledger.builder().reportsFrom(...)}, say a PostgreSQL hot standby. A read-only
         * store verifies the schema instead of installing it ({@code storage.schema_missing}
         * when a table is missing; {@link #installSchema} is then ignored), runs no committer
         * thread and refuses every unit of work with an {@link IllegalStateException}.
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Whether concurrent units of work are coalesced into group transactions (default true).
         * Off: each unit of work is its own transaction, with the same locking order.
         */
        public Builder groupCommit(boolean on) {
            this.groupCommit = on;
            return this;
        }

        /** Committer threads shared by all tenants (default 2). */
        public Builder committerThreads(int threads) {
            Check.that(threads >= 1 && threads <= 64, "committerThreads", "must be 1..64", threads);
            this.committerThreads = threads;
            return this;
        }

        /**
         * Groups of one tenant that may run at once (default 1). More lanes let a second group
         * prepare while the first commits, but split the callers into smaller groups that contend
         * for the same hot rows; on the 2-core benchmark machine one lane was fastest (random
         * accounts 4,348 vs 4,034 vs 2,239 entries/s with 1, 2, 4 lanes). A caller's thread always
         * uses the same lane. Groups of different lanes lock in the same global order, so they
         * cannot deadlock.
         */
        public Builder lanesPerTenant(int lanes) {
            Check.that(lanes >= 1 && lanes <= 16, "lanesPerTenant", "must be 1..16", lanes);
            this.lanesPerTenant = lanes;
            return this;
        }

        /** Most units of work in one group (default 512). */
        public Builder maxGroupSize(int size) {
            Check.that(size >= 1 && size <= 100_000, "maxGroupSize", "must be 1..100000", size);
            this.maxGroupSize = size;
            return this;
        }

        /**
         * Most units of work queued per tenant (default 16384); beyond it a caller runs its work
         * alone in its own transaction.
         */
        public Builder queueCapacity(int capacity) {
            Check.that(capacity >= 1, "queueCapacity", "must be at least 1", capacity);
            this.queueCapacity = capacity;
            return this;
        }

        /** The store (installs the schema first unless turned off). */
        public JdbcLedgerStore build() {
            return new JdbcLedgerStore(this);
        }
    }
}
