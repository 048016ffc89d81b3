package dev.backoffice.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * The few differences between the two databases the SDK supports. Schema scripts and queries
 * are written once in the common subset (H2 runs in PostgreSQL compatibility mode); what cannot
 * be shared is asked of the dialect.
 */
public enum Dialect {
    /** PostgreSQL 13 or later: the production store. */
    POSTGRESQL(Set.of("40001", "40P01"), Set.of("57P01", "57P02", "57P03")),
    /**
     * H2 2.x in {@code MODE=PostgreSQL}: the embedded default. H2 reports deadlocks as 40001,
     * a lock wait timeout as HYT00 and a concurrent MVCC update as 90131; all are retryable.
     */
    H2(Set.of("40001", "HYT00", "90131"), Set.of("90067", "90098", "90121"));

    private final Set<String> retryableStates;
    /** Connection losses beyond SQLSTATE class 08 (server shutdown, broken or closed database). */
    private final Set<String> connectionLossStates;

    Dialect(Set<String> retryableStates, Set<String> connectionLossStates) {
        this.retryableStates = retryableStates;
        this.connectionLossStates = connectionLossStates;
    }

    /** Detects the dialect from the connection's database product name. */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("unsupported database: " + product + " (supported: PostgreSQL, H2)");
    }

    /**
     * Whether the failure is transient by nature (serialization failure, deadlock, lock
     * timeout), so running the whole transaction again can succeed.
     */
    public boolean isRetryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && retryableStates.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure means the connection to the server is gone (SQLSTATE class 08,
     * PostgreSQL's shutdown states 57P01..03, H2's broken or closed database). Before a commit
     * was sent such a failure proves the transaction was not committed (the server rolls back a
     * transaction whose connection ends); during the commit it proves nothing (see
     * {@link #isDefiniteRollback}).
     */
    public boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || connectionLossStates.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the server refused a write because it is read-only (SQLSTATE 25006): after a
     * failover a pooled connection can still point at the old primary, now a standby, or at a
     * node that is not the primary. Raised by the first write, before any commit, so nothing was
     * written; the connection must be dropped (it will keep pointing there) and the work run again
     * on a new one, which a multi-host URL with {@code targetServerType=primary} opens on the
     * primary.
     */
    public boolean isReadOnlyServer(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure raised by {@code COMMIT} proves that the transaction was rolled back: the
     * server answered with a transaction rollback (class 40, e.g. a serialization failure found at
     * commit) or an integrity violation of a deferred constraint (class 23). Any other failure of
     * a commit (above all a lost connection) leaves its outcome unknown.
     */
    public boolean isDefiniteRollback(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.startsWith("23"));
    }

    /** Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is available. */
    public boolean supportsSkipLocked() {
        return this == POSTGRESQL;
    }

    /**
     * Takes a transaction-scoped exclusive lock on {@code key} where the database has one
     * (PostgreSQL advisory locks); returns false where it does not, so the caller falls back
     * to row locks.
     */
    public boolean advisoryLock(Connection connection, long key) throws SQLException {
        if (this != POSTGRESQL) {
            return false;
        }
        try (var ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
        return true;
    }

    /** Whether a SQLState means a unique or primary key was violated. */
    public boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
