package dev.backoffice.core.testing;

import dev.backoffice.core.jdbc.ForwardingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DataSource} over a real one that injects the faults a network or a failover causes,
 * for tests of "what a failure means" (DESIGN.md section 11). Each fault is armed once and fires
 * once, on whichever connection of this data source meets it first:
 *
 * <ul>
 *   <li>{@link #loseNextCommitAck()} (or {@link #loseCommitAck(int)} for the n-th): the next {@code commit()} reaches the server and commits,
 *       then the acknowledgement is lost: it throws SQLSTATE 08006. Outcome: stored, caller not
 *       told.</li>
 *   <li>{@link #dropConnectionAtNextCommit()} (or {@link #dropConnectionAtCommit(int)}): the connection dies as the next {@code commit()}
 *       is sent; the server rolls back; {@code commit()} throws 08006. Outcome: not stored, caller
 *       cannot tell from the first.</li>
 *   <li>{@link #failStatement(int, String)}: the n-th statement execution from now throws
 *       with the given SQLSTATE. A class-08 state also kills its connection (the real one is
 *       rolled back, as the server would, and every later call on it throws 08003): the
 *       connection was lost before a commit was sent.</li>
 * </ul>
 * Statement executions are counted on every statement a connection creates
 * ({@code execute*}); {@link #statementsExecuted()} tells how many ran, so a test can first
 * count the statements of a write and then fail each of them in turn.
 */
public final class FaultyDataSource extends ForwardingDataSource {

    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final DataSource real;
    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private volatile boolean loseCommitAck;
    /** Commits left before the armed commit fault fires (1 = the next). */
    private final AtomicInteger commitCountdown = new AtomicInteger();
    private volatile boolean unreachableAfterAck;
    private volatile boolean unreachable;
    private volatile boolean dropAtCommit;
    /** Executions left before the armed statement fault fires; 0 = none armed. */
    private final AtomicInteger statementCountdown = new AtomicInteger();
    private volatile String statementState;
    private final AtomicInteger faultsFired = new AtomicInteger();

    public FaultyDataSource(DataSource real) {
        super(real);
        this.real = real;
    }

    /** Arms: the next commit lands on the server, then throws SQLSTATE 08006 (ack lost). */
    public FaultyDataSource loseNextCommitAck() {
        return loseCommitAck(1);
    }

    /** Arms: the {@code n}-th commit from now (1 = the next) lands, then throws SQLSTATE 08006. */
    public FaultyDataSource loseCommitAck(int n) {
        armCommit(n);
        loseCommitAck = true;
        return this;
    }

    /** Arms: the {@code n}-th commit from now (1 = the next) does not land, and throws SQLSTATE 08006. */
    public FaultyDataSource dropConnectionAtCommit(int n) {
        armCommit(n);
        dropAtCommit = true;
        return this;
    }

    private void armCommit(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        commitCountdown.set(n);
    }

    /** Whether the commit now being made is the one an armed commit fault waits for. */
    private boolean commitFaultDue() {
        if (!loseCommitAck && !dropAtCommit) {
            return false;
        }
        return commitCountdown.decrementAndGet() <= 0;
    }

    /**
     * Arms: the next commit lands, its acknowledgement is lost, and from then on the server is
     * unreachable ({@code getConnection()} throws SQLSTATE 08001) until {@link #disarm()}.
     */
    public FaultyDataSource loseNextCommitAckThenStayUnreachable() {
        unreachableAfterAck = true;
        return loseCommitAck(1);
    }

    /** Arms: the next commit does not land (the server rolls back), and throws SQLSTATE 08006. */
    public FaultyDataSource dropConnectionAtNextCommit() {
        return dropConnectionAtCommit(1);
    }

    /**
     * Arms: the {@code n}-th statement execution from now (1 = the next) throws with
     * {@code sqlState}; a class-08 state kills the connection too (see the class comment).
     */
    public FaultyDataSource failStatement(int n, String sqlState) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        statementState = sqlState;
        statementCountdown.set(n);
        return this;
    }

    /** Disarms every fault not fired yet, and makes the server reachable again. */
    public FaultyDataSource disarm() {
        loseCommitAck = false;
        commitCountdown.set(0);
        unreachableAfterAck = false;
        unreachable = false;
        dropAtCommit = false;
        statementCountdown.set(0);
        return this;
    }

    /** Statement executions so far (through every connection). */
    public int statementsExecuted() {
        return executed.get();
    }

    /** Commits that reached the server so far. */
    public int commits() {
        return commits.get();
    }

    /** Faults fired so far. */
    public int faultsFired() {
        return faultsFired.get();
    }

    /** Whether an armed fault has not fired yet. */
    public boolean armed() {
        return loseCommitAck || dropAtCommit || statementCountdown.get() > 0;
    }

    @Override
    public Connection getConnection() throws SQLException {
        reach();
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        reach();
        return wrap(real.getConnection(username, password));
    }

    private void reach() throws SQLException {
        if (unreachable) {
            throw new SQLException("injected fault: server unreachable", "08001");
        }
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                new ConnectionHandler(c));
    }

    private static SQLException lost(String what) {
        return new SQLException("injected fault: " + what, "08006");
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection c;
        private boolean dead;

        ConnectionHandler(Connection c) {
            this.c = c;
        }

        void kill() {
            dead = true;
            try {
                c.rollback(); // the server ends the transaction of a connection it lost
            } catch (SQLException ignored) {
                // gone already
            }
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.equals("close")) {
                if (dead) {
                    kill();
                }
                c.close();
                return null;
            }
            if (name.equals("isClosed")) {
                return dead || c.isClosed();
            }
            if (name.equals("isValid")) {
                return !dead && c.isValid((Integer) args[0]);
            }
            if (dead) {
                throw new SQLException("injected fault: connection is closed", "08003");
            }
            if (name.equals("commit")) {
                boolean due = commitFaultDue();
                if (due && loseCommitAck) {
                    loseCommitAck = false;
                    c.commit();
                    commits.incrementAndGet();
                    faultsFired.incrementAndGet();
                    kill();
                    if (unreachableAfterAck) {
                        unreachableAfterAck = false;
                        unreachable = true;
                    }
                    throw lost("commit landed, acknowledgement lost");
                }
                if (due && dropAtCommit) {
                    dropAtCommit = false;
                    faultsFired.incrementAndGet();
                    kill();
                    throw lost("connection dropped while committing");
                }
                c.commit();
                commits.incrementAndGet();
                return null;
            }
            Object result = call(c, m, args);
            if (result instanceof Statement s && (name.startsWith("prepare") || name.equals("createStatement"))) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, new StatementHandler(s, this));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement s;
        private final ConnectionHandler connection;

        StatementHandler(Statement s, ConnectionHandler connection) {
            this.s = s;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (EXECUTES.contains(m.getName())) {
                if (connection.dead) {
                    throw new SQLException("injected fault: connection is closed", "08003");
                }
                executed.incrementAndGet();
                int left = statementCountdown.get();
                if (left > 0 && statementCountdown.compareAndSet(left, left - 1) && left == 1) {
                    faultsFired.incrementAndGet();
                    String state = statementState;
                    if (state != null && state.startsWith("08")) {
                        connection.kill();
                        throw lost("connection lost before commit");
                    }
                    throw new SQLException("injected fault: statement failed", state);
                }
            }
            if (m.getName().equals("getConnection")) {
                return s.getConnection(); // the real one: good enough for drivers' helpers
            }
            return call(s, m, args);
        }
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
