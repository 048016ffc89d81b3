package dev.backoffice.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Databases for store tests.
 *
 * <p>PostgreSQL tests run when {@code BACKOFFICE_TEST_PG_URL} (with {@code _USER} and
 * {@code _PASSWORD}) is set; {@code .ci/run} starts a server and sets them. On a laptop without
 * them the tests are skipped with a visible message; under CI ({@code CI=true}) a missing
 * server is a failure, so CI can never pass by skipping them.
 *
 * <p>Every database handed out records the statements sent to it ({@link StatementCheck}): when
 * it is closed, each statement the SDK sent is checked against {@link TenantStatements}, so every
 * contract suite on H2 and PostgreSQL proves its module names one tenant by equality.
 */
public final class TestDatabases {

    public static final String PG_URL = "BACKOFFICE_TEST_PG_URL";
    public static final String PG_USER = "BACKOFFICE_TEST_PG_USER";
    public static final String PG_PASSWORD = "BACKOFFICE_TEST_PG_PASSWORD";

    /** What a skipped PostgreSQL test says. */
    static final String SKIP_MESSAGE = "PostgreSQL tests skipped: set " + PG_URL + ", " + PG_USER + " and " + PG_PASSWORD
            + " (.ci/run does) to run them";

    private TestDatabases() {
    }

    /** Whether a PostgreSQL server is configured for tests. */
    public static boolean postgresAvailable() {
        String url = System.getenv(PG_URL);
        return url != null && !url.isBlank();
    }

    /** A fresh, private H2 in-memory database in PostgreSQL mode. */
    public static TestDatabase h2() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        String url = "jdbc:h2:mem:" + name + EmbeddedDatabase.COMPATIBILITY + ";DB_CLOSE_DELAY=-1";
        HikariDataSource pool = pool(url, "sa", "", null);
        return new Simple(StatementCheck.wrap(pool), Dialect.H2, url, "sa", "", () -> {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone
            }
            pool.close();
        });
    }

    /**
     * A fresh schema in the test PostgreSQL server, or a skipped test (a failed one under CI)
     * when none is configured. A class or method that calls this carries {@link RequiresPostgres},
     * which skips it before any set-up runs; the check here is the second line for a test run
     * some other way.
     */
    public static TestDatabase postgres() {
        String skip = PostgresGate.skipReason();
        if (skip != null) {
            System.err.println("[backoffice] " + skip);
            Assumptions.abort(skip);
        }
        String baseUrl = System.getenv(PG_URL);
        String user = System.getenv(PG_USER);
        String password = System.getenv(PG_PASSWORD);
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (HikariDataSource admin = pool(baseUrl, user, password, null);
             Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + baseUrl, e);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
        HikariDataSource pool = pool(url, user, password, schema);
        return new Simple(StatementCheck.wrap(pool), Dialect.POSTGRESQL, url, user, password, () -> {
            pool.close();
            try (HikariDataSource admin = pool(baseUrl, user, password, null);
                 Connection c = admin.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("[backoffice] could not drop test schema " + schema + ": " + e.getMessage());
            }
        });
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(24);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + (schema == null ? "db" : schema));
        return new HikariDataSource(config);
    }

    private record Simple(DataSource dataSource, Dialect dialect, String url, String user, String password,
                          Runnable onClose) implements TestDatabase {
        @Override
        public void close() {
            try {
                StatementCheck.check(dataSource);
            } finally {
                onClose.run();
            }
        }
    }
}
