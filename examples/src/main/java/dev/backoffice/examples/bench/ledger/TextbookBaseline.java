package dev.backoffice.examples.bench.ledger;

import dev.backoffice.core.jdbc.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The textbook SQL ledger the issue measures against, in plain JDBC with its own tables: one
 * database transaction per entry that locks the entry's accounts with
 * {@code SELECT ... FOR UPDATE} (in id order, so it cannot deadlock), updates their balances,
 * inserts the entry and its postings, and commits. A deadlock or serialization failure is retried.
 * Nothing is held back: prepared statements, postings inserted as one JDBC batch, a connection
 * pool as large as the SDK store's.
 *
 * <p>Its batch call locks every account of the batch first (one statement, id order), then runs
 * the per-entry updates and inserts for every entry, all in one transaction.
 */
final class TextbookBaseline implements LedgerJdbcBenchTarget {

    private static final String LOCK = "SELECT id, balance FROM tb_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
    private static final String UPDATE = "UPDATE tb_account SET balance = balance + ? WHERE id = ?";
    private static final String INSERT_ENTRY = "INSERT INTO tb_entry (id, description, booked_at) VALUES (?, ?, ?)";
    private static final String INSERT_POSTING = "INSERT INTO tb_posting (entry_id, idx, account_id, amount) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Dialect dialect;

    TextbookBaseline(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return "textbook";
    }

    @Override
    public void setUp(int accounts) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS tb_posting");
            st.execute("DROP TABLE IF EXISTS tb_entry");
            st.execute("DROP TABLE IF EXISTS tb_account");
            st.execute("CREATE TABLE tb_account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL)");
            st.execute("CREATE TABLE tb_entry (id UUID PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "booked_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            st.execute("CREATE TABLE tb_posting (entry_id UUID NOT NULL REFERENCES tb_entry (id), idx INT NOT NULL, "
                    + "account_id BIGINT NOT NULL REFERENCES tb_account (id), amount BIGINT NOT NULL, PRIMARY KEY (entry_id, idx))");
            st.execute("CREATE INDEX tb_posting_account ON tb_posting (account_id)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tb_account (id, balance) VALUES (?, 0)")) {
                for (int i = 0; i <= accounts; i++) {
                    ps.setLong(1, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    @Override
    public void post(int debit, int credit, long amount) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    postOne(c, debit, credit, amount, true);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (!dialect.isRetryable(e) || attempt >= 20) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 6)));
        }
    }

    @Override
    public void postBatch(int[] debits, int[] credits, long[] amounts) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    lockAll(c, debits, credits);
                    for (int i = 0; i < debits.length; i++) {
                        postOne(c, debits[i], credits[i], amounts[i], false);
                    }
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    if (!dialect.isRetryable(e) || attempt >= 20) {
                        throw e;
                    }
                } finally {
                    c.setAutoCommit(true);
                }
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << Math.min(attempt, 6)));
        }
    }

    /**
     * A batch locks all its accounts first, in id order, in one statement (locking entry by entry
     * would deadlock two concurrent batches at once).
     */
    private static void lockAll(Connection c, int[] debits, int[] credits) throws SQLException {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (int i = 0; i < debits.length; i++) {
            ids.add((long) debits[i]);
            ids.add((long) credits[i]);
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM tb_account WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            lock.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
    }

    /** The textbook steps for one entry, inside the caller's transaction. */
    private static void postOne(Connection c, int debit, int credit, long amount, boolean lockFirst) throws SQLException {
        if (lockFirst) {
            lockPair(c, debit, credit);
        }
        updateAndInsert(c, debit, credit, amount);
    }

    /** SELECT ... FOR UPDATE on the entry's two accounts, in id order. */
    private static void lockPair(Connection c, int debit, int credit) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(LOCK)) {
            lock.setLong(1, Math.min(debit, credit));
            lock.setLong(2, Math.max(debit, credit));
            int found = 0;
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
            if (found != 2) {
                throw new SQLException("unknown account " + debit + " or " + credit);
            }
        }
    }

    private static void updateAndInsert(Connection c, int debit, int credit, long amount) throws SQLException {
        try (PreparedStatement up = c.prepareStatement(UPDATE)) {
            up.setLong(1, amount); // debit-normal balance: debits add
            up.setLong(2, debit);
            up.addBatch();
            up.setLong(1, -amount);
            up.setLong(2, credit);
            up.addBatch();
            up.executeBatch();
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement e = c.prepareStatement(INSERT_ENTRY)) {
            e.setObject(1, id);
            e.setString(2, "bench");
            e.setObject(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
            e.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement(INSERT_POSTING)) {
            p.setObject(1, id);
            p.setInt(2, 0);
            p.setLong(3, debit);
            p.setLong(4, amount);
            p.addBatch();
            p.setObject(1, id);
            p.setInt(2, 1);
            p.setLong(3, credit);
            p.setLong(4, -amount);
            p.addBatch();
            p.executeBatch();
        }
    }

    @Override
    public long verify() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tb_account a WHERE a.balance <> "
                    + "(SELECT COALESCE(SUM(p.amount), 0) FROM tb_posting p WHERE p.account_id = a.id)")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("textbook: " + rs.getLong(1) + " balances differ from their postings");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(balance), 0) FROM tb_account")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("textbook: balances sum to " + rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM tb_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        // the data source belongs to the benchmark
    }
}
