package dev.backoffice.core.testing;

import dev.backoffice.core.jdbc.ForwardingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.security.CodeSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * A {@link DataSource} over a real one that records every SQL statement sent through it: the
 * text given to {@code prepareStatement}/{@code prepareCall}, and to a plain statement's
 * {@code execute*}/{@code addBatch}. Distinct texts are kept with a count and the class that sent
 * them (the first frame outside the JDBC driver, the pool, {@code core.jdbc.Jdbc}'s helpers and
 * this package), so memory stays small however long a suite runs: the SDK prepares a fixed set of
 * texts with {@code ?} parameters.
 *
 * <p>{@link Sent#fromTest()} tells a statement a test wrote itself (its sender was loaded from a
 * test class directory or test jar) from one the SDK sent; {@link TenantStatements} checks the
 * SDK's.
 */
public final class RecordingDataSource extends ForwardingDataSource {

    /** One distinct statement text: who sent it first, and how often it was sent. */
    public static final class Sent {
        private final String sql;
        private final String sender;
        private final boolean fromTest;
        private final LongAdder count = new LongAdder();

        Sent(String sql, String sender, boolean fromTest) {
            this.sql = sql;
            this.sender = sender;
            this.fromTest = fromTest;
        }

        /** The statement text as sent. */
        public String sql() {
            return sql;
        }

        /** The class that sent it first (e.g. {@code dev.backoffice.ledger.jdbc.JdbcLedgerStore}). */
        public String sender() {
            return sender;
        }

        /** Whether the sender is test code rather than the SDK. */
        public boolean fromTest() {
            return fromTest;
        }

        /** How many times it was sent. */
        public long count() {
            return count.sum();
        }

        @Override
        public String toString() {
            return sender + " x" + count() + ": " + sql;
        }
    }

    private static final Set<String> STATEMENT_SQL_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Map<Class<?>, Boolean> TEST_CLASS = new ConcurrentHashMap<>();

    private final DataSource real;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    private RecordingDataSource(DataSource real) {
        super(real);
        this.real = real;
    }

    /** A recorder over {@code real}. */
    public static RecordingDataSource over(DataSource real) {
        if (real == null) {
            throw new IllegalArgumentException("real data source is null");
        }
        return new RecordingDataSource(real);
    }

    /** The data source recorded. */
    public DataSource real() {
        return real;
    }

    /** Every distinct statement sent so far, in first-sent order. */
    public List<Sent> statements() {
        return sent.values().stream().collect(Collectors.toCollection(ArrayList::new));
    }

    /** The statements the SDK sent (test code's own left out). */
    public List<Sent> sdkStatements() {
        return sent.values().stream().filter(s -> !s.fromTest).collect(Collectors.toCollection(ArrayList::new));
    }

    /** Forgets what was recorded. */
    public void clear() {
        sent.clear();
    }

    /** The statements recorded, grouped by sender, for a failure message or a report. */
    public Map<String, List<String>> bySender() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Sent s : sent.values()) {
            out.computeIfAbsent(s.sender, k -> new ArrayList<>()).add(s.sql);
        }
        return out;
    }

    void record(String sql) {
        Sent s = sent.get(sql);
        if (s == null) {
            StackWalker.StackFrame frame = sender();
            Class<?> cls = frame == null ? null : frame.getDeclaringClass();
            s = sent.computeIfAbsent(sql, k -> new Sent(k, cls == null ? "?" : cls.getName(), cls != null && isTestClass(cls)));
        }
        s.count.increment();
    }

    private static StackWalker.StackFrame sender() {
        Optional<StackWalker.StackFrame> f = WALKER.walk(frames -> frames
                .filter(fr -> !infrastructure(fr.getClassName()))
                .findFirst());
        return f.orElse(null);
    }

    private static boolean infrastructure(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.") || name.startsWith("com.zaxxer.") || name.startsWith("org.h2.")
                || name.startsWith("org.postgresql.") || name.startsWith("$Proxy")
                || name.startsWith(RecordingDataSource.class.getPackageName() + ".RecordingDataSource")
                || name.equals("dev.backoffice.core.jdbc.Jdbc") || name.startsWith("dev.backoffice.core.jdbc.Jdbc$");
    }

    /** Whether {@code cls} was loaded from a test class directory or a test jar. */
    static boolean isTestClass(Class<?> cls) {
        return TEST_CLASS.computeIfAbsent(cls, c -> {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            String path = location == null ? "" : location.getPath();
            return path.contains("/test-classes") || path.endsWith("-tests.jar");
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(real.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new ConnectionHandler(c));
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection c;

        ConnectionHandler(Connection c) {
            this.c = c;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null && args[0] instanceof String sql) {
                record(sql);
            }
            Object result;
            try {
                result = m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement st && !(result instanceof PreparedStatement) && !(result instanceof CallableStatement)) {
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{Statement.class},
                        new StatementHandler(st));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Statement st;

        StatementHandler(Statement st) {
            this.st = st;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (STATEMENT_SQL_METHODS.contains(m.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                record(sql);
            }
            try {
                return m.invoke(st, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
