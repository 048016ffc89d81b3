package dev.backoffice.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.jdbc.Dialect;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Databases that are really apart, for placement tests: a fresh H2 in-memory database, or a
 * fresh PostgreSQL <em>database</em> (not only a schema) created on the test server with
 * {@code CREATE DATABASE} and dropped on close. Statements are recorded and checked as for
 * {@link TestDatabases}.
 */
public final class SeparateDatabases {

    private SeparateDatabases() {
    }

    /** A database of {@code kind} apart from every other one; the caller closes it. */
    public static TestDatabase open(StoreKind kind) {
        return switch (kind) {
            case H2 -> TestDatabases.h2();
            case POSTGRES -> postgresDatabase();
            case MEMORY -> throw new IllegalStateException("the in-memory store has no database");
        };
    }

    private static TestDatabase postgresDatabase() {
        String skip = PostgresGate.skipReason();
        if (skip != null) {
            org.junit.jupiter.api.Assumptions.abort(skip);
        }
        String baseUrl = System.getenv(TestDatabases.PG_URL);
        String user = System.getenv(TestDatabases.PG_USER);
        String password = System.getenv(TestDatabases.PG_PASSWORD);
        String name = "placed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin(baseUrl, user, password, "CREATE DATABASE " + name);
        String base = baseUrl.contains("?") ? baseUrl.substring(0, baseUrl.indexOf('?')) : baseUrl;
        String url = base.substring(0, base.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + name);
        HikariDataSource pool = new HikariDataSource(config);
        DataSource recorded = StatementCheck.wrap(pool);
        return new TestDatabase() {
            @Override
            public DataSource dataSource() {
                return recorded;
            }

            @Override
            public Dialect dialect() {
                return Dialect.POSTGRESQL;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public void close() {
                try {
                    StatementCheck.check(recorded);
                } finally {
                    pool.close();
                    admin(baseUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        };
    }

    private static void admin(String url, String user, String password, String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
        }
    }
}
