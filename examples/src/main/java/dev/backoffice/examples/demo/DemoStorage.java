package dev.backoffice.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.jdbc.Jdbc;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the demo's stores for the chosen storage and releases them at the end: memory, the
 * embedded H2 file (default) or a PostgreSQL server. Every JDBC store shares one data source,
 * so their writes can join one transaction, and installs its own schema if missing.
 */
final class DemoStorage implements AutoCloseable {

    /** Where the embedded database lives, relative to the working directory. */
    static final Path DEFAULT_DATABASE = Path.of("backoffice-data", "demo");

    private final DemoStores stores;
    private final List<AutoCloseable> resources;

    private DemoStorage(DemoStores stores, List<AutoCloseable> resources) {
        this.stores = stores;
        this.resources = resources;
    }

    static DemoStorage open(DemoMain.Options options, Clock clock) {
        if (options.inMemory()) {
            return new DemoStorage(DemoStores.inMemory(clock), List.of());
        }
        List<AutoCloseable> resources = new ArrayList<>();
        DataSource dataSource;
        String description;
        Path blobs;
        if (options.jdbcUrl() != null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(options.jdbcUrl());
            config.setUsername(options.user());
            config.setPassword(options.password());
            config.setMaximumPoolSize(8);
            config.setPoolName("backoffice-demo");
            HikariDataSource pool = new HikariDataSource(config);
            resources.add(pool);
            dataSource = pool;
            description = "JDBC " + options.jdbcUrl();
            blobs = Path.of("backoffice-data", "blobs-" + Integer.toHexString(options.jdbcUrl().hashCode()));
        } else {
            dataSource = EmbeddedDatabase.file(DEFAULT_DATABASE);
            description = "embedded H2 file " + DEFAULT_DATABASE.toAbsolutePath() + ".mv.db";
            blobs = Path.of("backoffice-data", "blobs");
        }
        DemoStores stores = DemoStores.jdbc(Jdbc.of(dataSource), blobs, clock, description);
        resources.add(0, stores); // stop the ledger's committer threads before the pool closes
        return new DemoStorage(stores, resources);
    }

    DemoStores stores() {
        return stores;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the demo's storage failed", e);
            }
        }
    }
}
