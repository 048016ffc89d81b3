package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.RetryHostTransactionException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A thin transaction helper over a {@link DataSource}; every JDBC store in the SDK writes through
 * one.
 *
 * <ul>
 *   <li>{@link #inTransaction(TransactionWork)} runs work in one transaction: commit on return,
 *       rollback on any exception. A multi-row write is therefore all or nothing.</li>
 *   <li>Serialization failures and deadlocks (PostgreSQL SQLSTATE 40001 and 40P01, and H2's
 *       equivalents, see {@link Dialect}) roll back and rerun the whole work after a jittered
 *       backoff, per the {@link RetryPolicy}; so does a connection lost <em>before</em> the
 *       commit was sent ({@link Dialect#isConnectionLoss}), which proves nothing was committed,
 *       and a write refused by a read-only server ({@link Dialect#isReadOnlyServer}: after a
 *       failover a pooled connection may still point at the demoted primary), whose connection
 *       is aborted so that the rerun gets a new one. Only what is provably not committed is ever
 *       rerun.</li>
 *   <li>A failure of the commit itself that does not prove a rollback (the connection died
 *       while committing) is never rerun: it leaves as an {@link OutcomeUnknownException}
 *       ({@code storage.outcome_unknown}), because the work may be stored. A caller whose work
 *       carries a stable identity resolves it by running the work again, which then finds what
 *       was stored; see {@link Reruns}.</li>
 *   <li>Nested calls on the same thread and the same {@code DataSource} (through this or any
 *       other {@code Jdbc}) join the outer transaction, and only the outermost retries, so a
 *       store can call another store, or the audit log, inside its own transaction and both
 *       land or neither does.</li>
 *   <li>{@link SQLException}s leave as {@link StorageException} (code {@code storage.failure} or
 *       {@code storage.retries_exhausted}: nothing was written); {@link BackofficeException}s
 *       thrown by the work (a business rule) pass through unchanged after the rollback.</li>
 *   <li>Inside the host application's transaction ({@link #withHostTransactions}: Spring's
 *       {@code @Transactional}, jOOQ, JPA), the work runs on the host's connection under a
 *       savepoint and is never committed, rolled back (beyond its savepoint), closed or retried
 *       here: the host's commit or rollback decides. A serialization failure or deadlock there
 *       leaves as {@link RetryHostTransactionException} ({@code storage.retry_host_transaction}).
 *       The rules are in {@link HostTransactions}.</li>
 * </ul>
 *
 * <p>Thread-safe. Create one per {@code DataSource} and share it.
 */
public final class Jdbc {

    private static final Logger log = LoggerFactory.getLogger(Jdbc.class);

    /**
     * Open transactions of the current thread, by data source: two helpers over the same data
     * source (say, one per store) join each other's transactions.
     */
    private static final ThreadLocal<Map<DataSource, Open>> OPEN = ThreadLocal.withInitial(HashMap::new);

    /**
     * An open transaction of the current thread: its connection and the tenants it writes for
     * (given by the stores that opened or joined it, see {@link #inTransaction(TenantId, TransactionWork)}),
     * whose fences are checked before it commits over a moveable database.
     */
    private static final class Open {
        final Connection connection;
        private TenantId tenant;
        private List<TenantId> more;

        Open(Connection connection, TenantId tenant) {
            this.connection = connection;
            this.tenant = tenant;
        }

        void writesFor(TenantId t) {
            if (t == null || t.equals(tenant)) {
                return;
            }
            if (tenant == null) {
                tenant = t;
            } else if (more == null) {
                more = new ArrayList<>(2);
                more.add(t);
            } else if (!more.contains(t)) {
                more.add(t);
            }
        }

        List<TenantId> tenants() {
            if (tenant == null) {
                return List.of();
            }
            if (more == null) {
                return List.of(tenant);
            }
            List<TenantId> all = new ArrayList<>(more.size() + 1);
            all.add(tenant);
            all.addAll(more);
            return all;
        }
    }

    private final DataSource dataSource;
    private final RetryPolicy retryPolicy;
    private final int isolation;
    /** Null when there are no host transactions: the fast path costs one null check. */
    private final HostTransactions host;
    private final boolean installSchema;
    private final MetricsRecorder metrics;
    /** Whether write transactions check the tenant's fence ({@link TenantFence#moveable}). */
    private final boolean fenced;
    private volatile Dialect dialect;

    private Jdbc(DataSource dataSource, RetryPolicy retryPolicy, int isolation, HostTransactions host,
                 boolean installSchema, MetricsRecorder metrics) {
        this(dataSource, retryPolicy, isolation, host, installSchema, metrics, TenantFence.isMoveable(dataSource));
    }

    private Jdbc(DataSource dataSource, RetryPolicy retryPolicy, int isolation, HostTransactions host,
                 boolean installSchema, MetricsRecorder metrics, boolean fenced) {
        this.fenced = fenced;
        this.dataSource = Check.notNull(dataSource, "dataSource");
        this.retryPolicy = Check.notNull(retryPolicy, "retryPolicy");
        this.isolation = isolation;
        this.host = host;
        this.installSchema = installSchema;
        this.metrics = metrics;
    }

    /** A helper with the default retry policy and READ COMMITTED isolation. */
    public static Jdbc of(DataSource dataSource) {
        return new Jdbc(dataSource, RetryPolicy.DEFAULT, Connection.TRANSACTION_READ_COMMITTED, null, true, MetricsRecorder.NONE);
    }

    /** The same data source with another retry policy. */
    public Jdbc withRetryPolicy(RetryPolicy policy) {
        return new Jdbc(dataSource, policy, isolation, host, installSchema, metrics, fenced);
    }

    /**
     * The same data source with another default isolation level, one of
     * {@link Connection#TRANSACTION_READ_COMMITTED}, {@code REPEATABLE_READ} or {@code SERIALIZABLE}.
     */
    public Jdbc withIsolation(int isolationLevel) {
        Check.that(isolationLevel == Connection.TRANSACTION_READ_COMMITTED
                        || isolationLevel == Connection.TRANSACTION_REPEATABLE_READ
                        || isolationLevel == Connection.TRANSACTION_SERIALIZABLE,
                "isolationLevel", "must be READ_COMMITTED, REPEATABLE_READ or SERIALIZABLE", isolationLevel);
        return new Jdbc(dataSource, retryPolicy, isolationLevel, host, installSchema, metrics, fenced);
    }

    /**
     * The same data source, joining the host application's transactions: whenever
     * {@code hostTransactions} has a transaction active on the calling thread, every transaction
     * of this helper (hence of every store built over it) runs on the host's connection and
     * never commits, rolls back, closes or retries it. The rules are in {@link HostTransactions}.
     * Without an active host transaction nothing changes.
     *
     * @param hostTransactions how the host hands out its current transaction's connection
     * @return a helper over the same data source, retry policy and isolation
     */
    public Jdbc withHostTransactions(HostTransactions hostTransactions) {
        Check.notNull(hostTransactions, "hostTransactions");
        return new Jdbc(dataSource, retryPolicy, isolation, hostTransactions == HostTransactions.NONE ? null : hostTransactions,
                installSchema, metrics, fenced);
    }

    /**
     * The same data source, with the schema installed by the stores ({@code true}, the default)
     * or by the application ({@code false}: Flyway or Liquibase runs the scripts under
     * {@code db/<module>/}, and {@link SchemaInstaller#install} does nothing for this helper).
     *
     * @param install whether stores built over the helper install their schema scripts
     * @return a helper over the same data source with that setting
     */
    public Jdbc withSchemaInstall(boolean install) {
        return new Jdbc(dataSource, retryPolicy, isolation, host, install, metrics, fenced);
    }

    /**
     * The same data source, reporting to {@code recorder}: commit latency, retries, host
     * transactions and typed errors of every transaction of this helper, and (through
     * {@link #metrics()}) what the stores built over it record, such as the JDBC ledger's group
     * commits. See {@link dev.backoffice.core.metrics.Meters} for the names.
     *
     * @param recorder where the numbers go ({@link MetricsRecorder#NONE}, the default, drops them)
     * @return a helper over the same data source with that recorder
     */
    public Jdbc withMetrics(MetricsRecorder recorder) {
        return new Jdbc(dataSource, retryPolicy, isolation, host, installSchema, Check.notNull(recorder, "recorder"), fenced);
    }

    /** Where this helper and the stores over it report their numbers ({@link MetricsRecorder#NONE} unless set). */
    public MetricsRecorder metrics() {
        return metrics;
    }

    /**
     * This helper without fence checks (for schema installation and for the mover itself, whose
     * transactions write for no single tenant's call); the same data source, so transactions
     * still join.
     */
    Jdbc unfencedHelper() {
        return fenced ? new Jdbc(dataSource, retryPolicy, isolation, host, installSchema, metrics, false) : this;
    }

    /** Whether this helper's write transactions check the tenant's fence (see {@link TenantFence}). */
    public boolean checksFences() {
        return fenced;
    }

    /** Whether stores built over this helper install their schema scripts (see {@link #withSchemaInstall}). */
    public boolean installsSchema() {
        return installSchema;
    }

    /** How this helper finds the host's transactions ({@link HostTransactions#NONE} unless set). */
    public HostTransactions hostTransactions() {
        return host == null ? HostTransactions.NONE : host;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The database's dialect, detected on first use. */
    public Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            try (Connection c = dataSource.getConnection()) {
                d = Dialect.of(c);
            } catch (SQLException e) {
                throw new StorageException("cannot connect to detect the database dialect", e);
            }
            dialect = d;
        }
        return d;
    }

    /**
     * Whether the current thread is inside a transaction of this helper (or of another helper
     * over the same data source), or inside an active host transaction (see
     * {@link #withHostTransactions}): work started now joins that transaction instead of
     * committing on its own.
     */
    public boolean inTransaction() {
        return OPEN.get().containsKey(dataSource) || inHostTransaction();
    }

    /** Whether a host transaction (see {@link #withHostTransactions}) is active on the current thread. */
    public boolean inHostTransaction() {
        if (host == null) {
            return false;
        }
        Connection c = hostConnection();
        if (c == null) {
            return false;
        }
        releaseHostConnection(c);
        return true;
    }

    /**
     * Runs {@code work} in a transaction (joining the current thread's one if open), retrying
     * retryable failures. See the class comment.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        return inTransaction(work, false, false, null);
    }

    /**
     * {@link #inTransaction(TransactionWork)} writing for {@code tenant}: the transaction (or the
     * enclosing one it joins) is that tenant's write, and over a moveable database
     * ({@link TenantFence#moveable}) it commits only while the tenant's fence is open there. The
     * SDK's stores open every transaction this way, for the tenant of their handle; a transaction
     * joined by stores of several tenants is checked against each of their fences.
     *
     * @param tenant the tenant the work writes for
     */
    public <T> T inTransaction(TenantId tenant, TransactionWork<T> work) {
        return inTransaction(work, false, false, Check.notNull(tenant, "tenant"));
    }

    /**
     * Like {@link #inTransaction(TransactionWork)}, for work that only reads. A read has no
     * outcome to be unknown: a failure of its commit, like a lost connection anywhere in it, is
     * retried (per the {@link RetryPolicy}) and otherwise reported as {@code storage.failure},
     * never as {@code storage.outcome_unknown}. The work must not write: a write in it would lose
     * that protection.
     */
    public <T> T inReadTransaction(TransactionWork<T> work) {
        return inTransaction(work, false, true, null);
    }

    /**
     * Like {@link #inTransaction(TransactionWork)}, for hot paths where a round trip counts: on
     * PostgreSQL the isolation level is not set by a statement of its own, and {@code work}
     * must begin the transaction with {@link #beginIsolationSql()}, typically sent in one
     * multi-statement execution with its first statements. (Elsewhere, and when joining an open
     * transaction, this is {@code inTransaction}; the work may still run that SQL, which is
     * harmless.)
     */
    public <T> T inTransactionIsolationInline(TransactionWork<T> work) {
        return inTransaction(work, true, false, null);
    }

    /**
     * {@link #inTransactionIsolationInline(TransactionWork)} writing for {@code tenant} (see
     * {@link #inTransaction(TenantId, TransactionWork)}).
     *
     * @param tenant the tenant the work writes for
     */
    public <T> T inTransactionIsolationInline(TenantId tenant, TransactionWork<T> work) {
        return inTransaction(work, true, false, Check.notNull(tenant, "tenant"));
    }

    /**
     * The statement that sets this helper's isolation level for the current transaction, for
     * {@link #inTransactionIsolationInline}: {@code SET TRANSACTION ISOLATION LEVEL ...}.
     */
    public String beginIsolationSql() {
        return "SET TRANSACTION ISOLATION LEVEL " + switch (isolation) {
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            default -> "READ COMMITTED";
        };
    }

    private <T> T inTransaction(TransactionWork<T> work, boolean isolationInline, boolean readOnly, TenantId tenant) {
        Check.notNull(work, "work");
        Map<DataSource, Open> open = OPEN.get();
        Open joined = open.get(dataSource);
        if (joined != null) {
            joined.writesFor(tenant); // the outermost transaction checks its fence too
            try {
                return work.execute(joined.connection);
            } catch (SQLException e) {
                throw new StorageException.Sql(e);
            }
        }
        try {
            if (host != null) {
                Connection hosts = hostConnection();
                if (hosts != null) {
                    metrics.count(Meters.JDBC_HOST_TRANSACTIONS, 1);
                    return runInHostTransaction(hosts, work, open, readOnly, tenant);
                }
            }
            return outermost(work, open, isolationInline, readOnly, tenant);
        } catch (BackofficeException e) {
            metrics.error(e); // the outermost transaction only: a nested one's error is counted once, here
            throw e;
        }
    }

    private <T> T outermost(TransactionWork<T> work, Map<DataSource, Open> open, boolean isolationInline,
                            boolean readOnly, TenantId tenant) {
        Dialect d = dialect();
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work, open, isolationInline && d == Dialect.POSTGRESQL, readOnly, tenant);
            } catch (CommitFailed e) {
                SQLException cause = e.sql;
                if (!readOnly && !d.isDefiniteRollback(cause)) {
                    // The COMMIT was sent and no answer came back: it may have landed. Never rerun it
                    // here; only the caller knows the identity that tells a landed write from a lost one.
                    throw new OutcomeUnknownException("the transaction may or may not have committed (SQLSTATE "
                            + cause.getSQLState() + ": " + cause.getMessage() + ")", cause);
                }
                if (!(d.isRetryable(cause) || (readOnly && d.isConnectionLoss(cause))) || attempt >= retryPolicy.maxAttempts()) {
                    throw giveUp(d, cause, attempt);
                }
                backOff(cause, attempt);
            } catch (StorageException.Sql e) {
                SQLException cause = e.sqlCause();
                // A connection lost before COMMIT was sent proves the transaction was not
                // committed (the server rolls it back), so running it again is as safe as after a
                // deadlock; a failover or a restart of the server is ridden out this way. So is a
                // write refused by a read-only server (its connection was aborted in runOnce).
                if (!(d.isRetryable(cause) || d.isConnectionLoss(cause) || d.isReadOnlyServer(cause))
                        || attempt >= retryPolicy.maxAttempts()) {
                    throw giveUp(d, cause, attempt);
                }
                backOff(cause, attempt);
            }
        }
    }

    private StorageException giveUp(Dialect d, SQLException cause, int attempt) {
        if (d.isRetryable(cause) || (attempt > 1 && (d.isConnectionLoss(cause) || d.isReadOnlyServer(cause)))) {
            return new StorageException(StorageException.RETRIES_EXHAUSTED,
                    "transaction failed " + attempt + " times with a retryable error (SQLSTATE " + cause.getSQLState()
                            + "); giving up, nothing was written", cause);
        }
        return new StorageException("database error: " + cause.getMessage() + " (SQLSTATE " + cause.getSQLState()
                + "); nothing was written", cause);
    }

    private void backOff(SQLException cause, int attempt) {
        metrics.count(Meters.JDBC_RETRIES, 1, "sqlstate", String.valueOf(cause.getSQLState()));
        log.debug("retrying transaction after SQLSTATE {} (attempt {})", cause.getSQLState(), attempt);
        LockSupport.parkNanos(retryPolicy.backoffNanos(attempt));
    }

    /** A failure raised by {@code commit()} itself, kept apart: its outcome may be unknown. */
    private static final class CommitFailed extends RuntimeException {
        final SQLException sql;

        CommitFailed(SQLException sql) {
            super(sql.getMessage(), sql, false, false);
            this.sql = sql;
        }
    }

    /** Runs {@code work} in a transaction with no result. */
    public void inTransactionRun(TransactionAction work) {
        inTransaction(c -> {
            work.execute(c);
            return null;
        });
    }

    /** Work with no result; see {@link TransactionWork}. */
    @FunctionalInterface
    public interface TransactionAction {
        void execute(Connection connection) throws SQLException;
    }

    private <T> T runOnce(TransactionWork<T> work, Map<DataSource, Open> open, boolean isolationInline,
                          boolean readOnly, TenantId tenant) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StorageException.Sql(e);
        }
        try {
            c.setAutoCommit(false);
            if (!isolationInline) {
                c.setTransactionIsolation(isolation); // a round trip of its own on PostgreSQL
            }
            Open transaction = new Open(c, tenant);
            open.put(dataSource, transaction);
            T result = work.execute(c);
            if (fenced && !readOnly) {
                TenantFence.check(c, dialect(), transaction.tenants()); // the last statement before the commit; see TenantFence
            }
            try {
                long start = System.nanoTime();
                c.commit();
                metrics.time(Meters.JDBC_COMMIT, System.nanoTime() - start, "kind", readOnly ? "read" : "write");
            } catch (SQLException e) {
                rollbackQuietly(c, e); // harmless if the commit landed; frees the server if it did not
                throw new CommitFailed(e);
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            dropIfReadOnlyServer(c, e);
            throw new StorageException.Sql(e);
        } catch (CommitFailed e) {
            throw e;
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c, e);
            if (e instanceof StorageException.Sql sql) {
                dropIfReadOnlyServer(c, sql.sqlCause());
                throw sql; // from a nested call: retry decision is ours
            }
            throw e;
        } finally {
            open.remove(dataSource);
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                log.debug("resetting auto-commit failed (a broken connection?): {}", e.getMessage());
            }
            try {
                c.close(); // always: a broken connection must still go back to its pool, or the pool runs dry
            } catch (SQLException e) {
                log.warn("closing connection failed", e);
            }
        }
    }

    /**
     * A connection to a read-only server (a demoted primary, a standby) stays one: abort it so
     * that the pool discards it instead of handing it to the retry. {@code abort} is plain JDBC,
     * so this works with any pool; the pool finds the connection closed and replaces it.
     */
    private void dropIfReadOnlyServer(Connection c, SQLException e) {
        if (!dialect().isReadOnlyServer(e)) {
            return;
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException abortFailed) {
            e.addSuppressed(abortFailed);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    // ---- the host's transaction ---------------------------------------------------------------

    /** The host's current connection, or null. */
    private Connection hostConnection() {
        Optional<Connection> c;
        try {
            c = host.currentConnection(dataSource);
        } catch (SQLException e) {
            throw new StorageException("the host application could not hand out its transaction's connection: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
        if (c == null || c.isEmpty()) {
            return null;
        }
        return c.get();
    }

    private void releaseHostConnection(Connection c) {
        try {
            host.release(dataSource, c);
        } catch (SQLException | RuntimeException e) {
            log.warn("the host application failed to take its connection back", e);
        }
    }

    /**
     * Runs {@code work} on the host's connection: no commit, no rollback of the host's
     * transaction, no close, no retry (see {@link HostTransactions}). A write runs under a
     * savepoint, so that its failure takes back what it wrote and nothing of the host's.
     */
    private <T> T runInHostTransaction(Connection c, TransactionWork<T> work, Map<DataSource, Open> open,
                                       boolean readOnly, TenantId tenant) {
        try {
            Savepoint savepoint = null;
            try {
                if (c.getAutoCommit()) {
                    throw new IllegalStateException("the host's connection is in auto-commit mode, not in a transaction: "
                            + "HostTransactions.currentConnection must return a connection only while a transaction is active");
                }
                if (dialect == null) {
                    dialect = Dialect.of(c); // not on a second connection: the host may hold the pool's last one
                }
                if (!readOnly) {
                    savepoint = c.setSavepoint();
                }
            } catch (SQLException e) {
                throw hostFailure(e);
            }
            Open call = new Open(c, tenant);
            open.put(dataSource, call);
            try {
                T result = work.execute(c);
                if (fenced && !readOnly) {
                    TenantFence.check(c, dialect, call.tenants()); // its lock is held until the host commits
                }
                if (savepoint != null) {
                    try {
                        c.releaseSavepoint(savepoint);
                    } catch (SQLException e) {
                        throw hostFailure(e);
                    }
                }
                return result;
            } catch (SQLException e) {
                rollbackTo(c, savepoint, e);
                throw hostFailure(e);
            } catch (StorageException.Sql e) {
                rollbackTo(c, savepoint, e);
                throw hostFailure(e.sqlCause());
            } catch (RuntimeException | Error e) {
                rollbackTo(c, savepoint, e);
                throw e;
            } finally {
                open.remove(dataSource);
            }
        } finally {
            releaseHostConnection(c);
        }
    }

    private static void rollbackTo(Connection c, Savepoint savepoint, Throwable cause) {
        if (savepoint == null) {
            return;
        }
        try {
            c.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A database failure inside the host's transaction: never retried here (the host owns it). */
    private StorageException hostFailure(SQLException e) {
        Dialect d = dialect;
        if (d != null && (d.isRetryable(e) || d.isConnectionLoss(e) || d.isReadOnlyServer(e))) {
            return new RetryHostTransactionException("a retryable database failure inside the host application's "
                    + "transaction (SQLSTATE " + e.getSQLState() + ": " + e.getMessage()
                    + "); roll the host transaction back and run it again", e);
        }
        return new StorageException("database error inside the host application's transaction: " + e.getMessage()
                + " (SQLSTATE " + e.getSQLState() + "); what this call wrote was rolled back to its savepoint", e);
    }

    // ---- small statement helpers, for use inside a transaction -------------------------------

    /** Executes an INSERT/UPDATE/DELETE with positional parameters; returns the row count. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** Runs a query and maps every row. */
    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /** Runs a query expected to return at most one row. */
    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size() + ": " + sql);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Executes one statement for many parameter rows as a JDBC batch (one round trip per
     * {@code batchSize} rows; the PostgreSQL driver rewrites inserts into multi-row form when
     * {@code reWriteBatchedInserts=true}). Returns the total row count.
     */
    public static long batch(Connection c, String sql, List<Object[]> rows, int batchSize) throws SQLException {
        Check.that(batchSize > 0, "batchSize", "must be greater than zero", batchSize);
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
                if (++pending == batchSize) {
                    total += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                total += sum(ps.executeBatch());
            }
        }
        return total;
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int n : counts) {
            total += n == PreparedStatement.SUCCESS_NO_INFO ? 1 : n;
        }
        return total;
    }

    /**
     * Binds positional parameters. {@link Instant} binds as a UTC timestamp with time zone,
     * {@link LocalDate} as DATE, {@link UUID} natively, enums by name; {@code null} as NULL.
     */
    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int index = i + 1;
            if (p == null) {
                ps.setNull(index, Types.NULL);
            } else if (p instanceof Instant instant) {
                ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else if (p instanceof Long || p instanceof Integer || p instanceof String || p instanceof BigDecimal
                    || p instanceof Boolean || p instanceof LocalDate || p instanceof UUID || p instanceof byte[]
                    || p instanceof OffsetDateTime || p instanceof Short || p instanceof Timestamp) {
                ps.setObject(index, p);
            } else {
                throw new SQLException("cannot bind parameter " + index + " of type " + p.getClass().getName());
            }
        }
    }

    /** Reads a timestamp-with-time-zone column as an {@link Instant} (null stays null). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Reads a DATE column (null stays null). */
    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Reads a UUID column (null stays null). */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
