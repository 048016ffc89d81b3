package dev.backoffice.core.jdbc;

import dev.backoffice.core.validation.Check;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The embedded default store: an H2 database in PostgreSQL compatibility mode, in a file or in
 * memory, behind H2's own small connection pool. Requires {@code com.h2database:h2} on the class
 * path (an optional dependency of the SDK).
 *
 * <p>The same schema scripts and SQL run here and on PostgreSQL; the SDK's tests run every
 * JDBC store on both.
 */
public final class EmbeddedDatabase {

    /** H2 settings that make it behave like PostgreSQL for the SQL the SDK uses. */
    public static final String COMPATIBILITY = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

    private EmbeddedDatabase() {
    }

    /**
     * A database stored in {@code file} (H2 appends {@code .mv.db}); created if absent.
     *
     * <p>{@code WRITE_DELAY=0}: a commit is on disk when it returns. H2's default (500 ms) lets a
     * killed process lose the last half second of acknowledged commits, which the archive's
     * crash test showed; a ledger or an archive must not acknowledge what it may lose.
     */
    public static DataSource file(Path file) {
        Check.notNull(file, "file");
        return pool("jdbc:h2:file:" + file.toAbsolutePath() + COMPATIBILITY + ";WRITE_DELAY=0");
    }

    /** A private in-memory database that lives until the JVM exits. */
    public static DataSource inMemory(String name) {
        Check.text(name, "name", 100);
        return pool("jdbc:h2:mem:" + name + COMPATIBILITY + ";DB_CLOSE_DELAY=-1");
    }

    private static DataSource pool(String url) {
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(64);
        return pool;
    }
}
