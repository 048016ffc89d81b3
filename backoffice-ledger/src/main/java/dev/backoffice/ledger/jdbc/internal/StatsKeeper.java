package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps PostgreSQL's planner statistics of the ledger tables fresh while they are young.
 *
 * <p>Autovacuum analyzes a table after 10% of it changed, at most once a minute; a ledger that
 * goes from empty to a hundred thousand rows in that minute is planned meanwhile with statistics
 * that say a tenant owns a handful of rows, and a lookup of 64 idempotency keys or an update of
 * 64 accounts can then scan the whole tenant. This keeper runs {@code ANALYZE} on the ledger
 * tables in the background each time the rows this store has written double (from 1,000), so
 * the statistics are never more than 2x off; it costs a few dozen ANALYZEs over the life of a
 * process. ANALYZE takes no lock that blocks writers. Failures (say, the user does not own the
 * tables) are logged and ignored: autovacuum remains.
 */
public final class StatsKeeper {

    private static final Logger log = LoggerFactory.getLogger(StatsKeeper.class);

    private final Jdbc jdbc;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long next = 1000;


    /** A new instance (internal classes have no public constructor). */
    public static StatsKeeper create(Jdbc jdbc) {
        return new StatsKeeper(jdbc);
    }

    StatsKeeper(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts {@code rows} written; starts a background ANALYZE when they doubled. */
    public void wrote(long rows) {
        long w = written.addAndGet(rows);
        if (w < next || jdbc.dialect() != Dialect.POSTGRESQL || !running.compareAndSet(false, true)) {
            return;
        }
        next = w * 2;
        Thread t = new Thread(() -> {
            try (Connection c = jdbc.dataSource().getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("ANALYZE ledger_account, ledger_entry, ledger_movement, ledger_account_day");
                log.debug("analyzed the ledger tables after {} rows written", w);
            } catch (Exception e) {
                log.debug("could not analyze the ledger tables: {}", e.getMessage());
            } finally {
                running.set(false);
            }
        }, "ledger-stats");
        t.setDaemon(true);
        t.start();
    }
}
