package dev.backoffice.core.testing;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;

import javax.sql.DataSource;

/**
 * A database for one test class: a fresh H2 in-memory database, or a fresh schema in the CI
 * PostgreSQL server. Close it to release connections (and drop the PostgreSQL schema).
 */
public interface TestDatabase extends AutoCloseable {
    DataSource dataSource();

    Dialect dialect();

    /** The JDBC URL, for a child JVM in multi-process tests. */
    String url();

    String user();

    String password();

    default Jdbc jdbc() {
        return Jdbc.of(dataSource());
    }

    @Override
    void close();
}
