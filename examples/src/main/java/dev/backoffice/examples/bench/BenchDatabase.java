package dev.backoffice.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;

/**
 * A fresh database for one benchmark target, removed on {@link #close()}: a new schema on the
 * PostgreSQL server given, a new H2 file in a temporary directory, or none (in memory). Shared by
 * the JDBC benchmarks so each measures on an empty database the same way.
 */
public final class BenchDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Runnable cleanup;

    private BenchDatabase(HikariDataSource dataSource, Dialect dialect, Runnable cleanup) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.cleanup = cleanup;
    }

    /** The pooled data source (null in memory). */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** The database's dialect (null in memory). */
    public Dialect dialect() {
        return dialect;
    }

    /** No database: the in-memory targets. */
    public static BenchDatabase memory() {
        return new BenchDatabase(null, null, () -> { });
    }

    /**
     * A new schema {@code bench_<random>} on the server at {@code url} (batched inserts rewritten),
     * dropped with everything in it on close.
     */
    public static BenchDatabase postgres(String url, String user, String password, int poolSize, String poolName) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (HikariDataSource admin = pool(url, user, password, 1, poolName + "-admin"); Connection c = admin.getConnection();
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String full = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
        HikariDataSource ds = pool(full, user, password, poolSize, poolName);
        return new BenchDatabase(ds, Dialect.POSTGRESQL, () -> {
            ds.close();
            try (HikariDataSource admin = pool(url, user, password, 1, poolName + "-admin"); Connection c = admin.getConnection();
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (Exception e) {
                System.err.println("could not drop schema " + schema + ": " + e);
            }
        });
    }

    /**
     * A new H2 file (the embedded store's compatibility settings plus {@code options}, e.g.
     * {@code ";WRITE_DELAY=0"}), shut down and deleted on close.
     */
    public static BenchDatabase h2(String name, int poolSize, String options, String poolName) throws Exception {
        Path dir = Files.createTempDirectory(poolName + "-h2");
        String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + EmbeddedDatabase.COMPATIBILITY + options;
        HikariDataSource ds = pool(url, "sa", "", poolSize, poolName);
        return new BenchDatabase(ds, Dialect.H2, () -> {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (Exception ignored) {
                // already down
            }
            ds.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (Exception ignored) {
                // a temp dir
            }
        });
    }

    private static HikariDataSource pool(String url, String user, String password, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(size, 4));
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
