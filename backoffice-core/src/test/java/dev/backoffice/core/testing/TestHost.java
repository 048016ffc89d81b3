package dev.backoffice.core.testing;

import dev.backoffice.core.jdbc.HostTransactions;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A host application's transactions for tests of {@link HostTransactions}: {@link #begin} opens
 * a transaction on this thread (as Spring's {@code @Transactional} would), {@link #commit} and
 * {@link #rollback} end it. The SDK is handed a recording proxy of the connection, so a test can
 * check that the SDK never called what only the host may call on it ({@link #forbiddenCalls}):
 * {@code commit}, {@code rollback()} of the whole transaction, {@code close},
 * {@code setAutoCommit}, {@code setTransactionIsolation}, {@code abort}. Rolling back to a
 * savepoint is allowed.
 */
public final class TestHost implements HostTransactions {

    private static final Set<String> HOST_ONLY = Set.of("commit", "close", "setAutoCommit", "setTransactionIsolation",
            "abort", "setReadOnly");

    private final DataSource dataSource;
    private final ThreadLocal<Connection[]> current = new ThreadLocal<>();
    private final List<String> forbidden = Collections.synchronizedList(new ArrayList<>());
    private volatile int handedOut;
    private volatile int released;

    private TestHost(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A host over {@code dataSource}, with no transaction open. */
    public static TestHost over(DataSource dataSource) {
        return new TestHost(dataSource);
    }

    /** Opens a READ COMMITTED host transaction on this thread; returns the host's own connection. */
    public Connection begin() {
        return begin(Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Opens a host transaction at {@code isolation} on this thread; returns the host's own connection. */
    public Connection begin(int isolation) {
        if (current.get() != null) {
            throw new IllegalStateException("a host transaction is already open on this thread");
        }
        try {
            Connection real = dataSource.getConnection();
            real.setAutoCommit(false);
            real.setTransactionIsolation(isolation);
            current.set(new Connection[]{real, recording(real)});
            return real;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits the host transaction of this thread and gives its connection back to the pool. */
    public void commit() {
        end(true);
    }

    /** Rolls back the host transaction of this thread and gives its connection back to the pool. */
    public void rollback() {
        end(false);
    }

    private void end(boolean commit) {
        Connection[] c = current.get();
        if (c == null) {
            throw new IllegalStateException("no host transaction on this thread");
        }
        current.remove();
        try (Connection real = c[0]) {
            if (commit) {
                real.commit();
            } else {
                real.rollback();
            }
            real.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the SDK made on the host's connection that only the host may make (empty when all is well). */
    public List<String> forbiddenCalls() {
        return List.copyOf(forbidden);
    }

    /** How often the SDK was handed the connection, and how often it gave it back. */
    public int[] handedOutAndReleased() {
        return new int[]{handedOut, released};
    }

    @Override
    public Optional<Connection> currentConnection(DataSource asked) {
        Connection[] c = current.get();
        if (c == null || asked != dataSource) {
            return Optional.empty();
        }
        handedOut++;
        return Optional.of(c[1]);
    }

    @Override
    public void release(DataSource asked, Connection connection) {
        released++;
    }

    private Connection recording(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (HOST_ONLY.contains(name) || (name.equals("rollback") && (args == null || args.length == 0))) {
                        forbidden.add(name);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
