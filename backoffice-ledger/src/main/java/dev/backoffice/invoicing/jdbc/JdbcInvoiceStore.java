package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.InvoiceStore;
import dev.backoffice.invoicing.TenantInvoiceStore;
import dev.backoffice.invoicing.jdbc.internal.IssueGroups;
import dev.backoffice.invoicing.jdbc.internal.JdbcTenantInvoices;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Invoices on JDBC: PostgreSQL in production, embedded H2 (PostgreSQL mode) by default. Schema:
 * {@code db/invoicing/V1__invoicing.sql} (Flyway naming; installed by the store unless told
 * otherwise).
 * <pre>{@code
 * JdbcInvoiceStore invoices = JdbcInvoiceStore.builder(dataSource).build();
 * JdbcLedgerStore ledger = JdbcLedgerStore.create(dataSource);   // the same data source: one transaction
 * }</pre>
 *
 * <h2>Gap-free numbering</h2>
 * A series' counter is one row per numbering period. Issuing updates it (the row lock is held
 * to the commit) and inserts the invoice in the same transaction, so the number and the invoice
 * land together or not at all; concurrent issuers of one series, in any number of processes,
 * queue on the row. A unique index on (tenant, series, period, sequence) and one on the number
 * back this up.
 *
 * <h2>Locking order</h2>
 * Payments, then invoices (in id order), then counters, then the ledger's rows (its period row,
 * then its accounts in id order) when the ledger shares the transaction; every unit of work
 * takes its locks in that order, so none deadlocks another. Deadlocks and serialization
 * failures caused by anything else are retried by {@link Jdbc} (the whole unit reruns).
 *
 * <h2>Group commit of issues</h2>
 * Concurrent issues of one series (and numbering period) are issued together: callers queue,
 * and a committer thread issues everything queued (up to {@link Builder#maxGroupSize}) in one
 * transaction, moving the counter on once for all of them, numbering them in queue order,
 * storing the invoices and posting their journal entries as one batch, and committing once. The
 * counter row's lock is then held for one commit per group instead of one per invoice. An issue
 * refused inside a group (the ledger's period closed, say) is taken out and issued alone for its
 * own error; the others' numbers stay consecutive. Inside a transaction of the calling thread on
 * this data source (or a host transaction) an issue joins it instead. See
 * {@link dev.backoffice.invoicing.PreparedIssue}.
 *
 * <p>Handles are made per call ({@code PER_CALL}): a handle is a view; what the store keeps per
 * series is its committer lane. Thread-safe. {@link #close()} stops the committer threads.
 */
public final class JdbcInvoiceStore extends TenantScopedStore<TenantInvoiceStore> implements InvoiceStore, AutoCloseable {

    /** The schema scripts under {@code db/invoicing/}, in order. */
    public static final List<String> SCRIPTS = List.of("V1__invoicing.sql", "V2__invoicing_payables.sql");

    private final Jdbc jdbc;
    private final Clock clock;
    private final IssueGroups issues;

    private JdbcInvoiceStore(Builder b) {
        super(Handles.PER_CALL);
        this.jdbc = b.jdbc;
        this.clock = b.clock;
        if (b.installSchema) {
            SchemaInstaller.install(jdbc, "invoicing", SCRIPTS);
        }
        this.issues = b.groupCommit ? IssueGroups.create(jdbc, b.committerThreads, b.maxGroupSize, b.queueCapacity) : null;
    }

    /** A store over {@code dataSource} with the defaults (schema installed). */
    public static JdbcInvoiceStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** The embedded default: an H2 database in {@code file} (created with its schema if absent). */
    public static JdbcInvoiceStore embedded(Path file) {
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

    /** The recorder of this store's {@link Jdbc} ({@link Jdbc#withMetrics}): the invoicing over it counts there too. */
    @Override
    public MetricsRecorder metrics() {
        return jdbc.metrics();
    }

    @Override
    protected TenantInvoiceStore open(TenantId tenant) {
        return JdbcTenantInvoices.create(jdbc, tenant, clock, issues);
    }

    /**
     * Groups of issues committed so far and the invoices they held, since the store was built
     * ({@code [0, 0]} with group commit off): their ratio is the mean group size.
     */
    public long[] issueGroupStats() {
        return issues == null ? new long[] {0, 0} : issues.stats();
    }

    /** Stops the committer threads after the queued issues are done. */
    @Override
    public void close() {
        if (issues != null) {
            issues.close();
        }
    }

    /** Builder of {@link JdbcInvoiceStore}. */
    public static final class Builder {
        private final Jdbc jdbc;
        private boolean installSchema = true;
        private Clock clock = Clock.systemUTC();
        private boolean groupCommit = true;
        private int committerThreads = 2;
        private int maxGroupSize = 512;
        private int queueCapacity = 16_384;

        private Builder(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Whether the store installs its schema scripts on build (default true; turn off when
         * Flyway or Liquibase runs {@code db/invoicing/*.sql}).
         */
        public Builder installSchema(boolean install) {
            this.installSchema = install;
            return this;
        }

        /** The clock for the rows' creation instants of series (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /**
         * Whether concurrent issues of one series are committed in groups (default true). Off:
         * each issue is its own transaction, holding the series' counter through its commit.
         */
        public Builder groupCommit(boolean on) {
            this.groupCommit = on;
            return this;
        }

        /** Committer threads shared by all series of all tenants (default 2). */
        public Builder committerThreads(int threads) {
            Check.that(threads >= 1 && threads <= 64, "committerThreads", "must be 1..64", threads);
            this.committerThreads = threads;
            return this;
        }

        /** Most issues in one group transaction (default 512; the ledger takes at most 8,190 entries per batch). */
        public Builder maxGroupSize(int size) {
            Check.that(size >= 1 && size <= 8190, "maxGroupSize", "must be 1..8190", size);
            this.maxGroupSize = size;
            return this;
        }

        /** Most issues queued per series (default 16,384); beyond it a caller issues alone. */
        public Builder queueCapacity(int capacity) {
            Check.that(capacity >= 1, "queueCapacity", "must be at least 1", capacity);
            this.queueCapacity = capacity;
            return this;
        }

        /** The store. */
        public JdbcInvoiceStore build() {
            return new JdbcInvoiceStore(this);
        }
    }
}
