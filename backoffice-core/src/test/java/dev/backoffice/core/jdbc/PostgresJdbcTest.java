package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@RequiresPostgres
class PostgresJdbcTest extends JdbcContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    /**
     * Two SERIALIZABLE transactions read and increment the same row at the same time. PostgreSQL
     * aborts one with SQLSTATE 40001; the helper reruns it, and both increments land.
     */
    @Test
    void aRealSerializationFailureIsRetriedAndSucceeds() throws Exception {
        jdbc.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO kv (k, v) VALUES ('counter', 0)"));
        Jdbc serializable = jdbc.withIsolation(Connection.TRANSACTION_SERIALIZABLE);
        CountDownLatch bothRead = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Runnable increment = () -> serializable.inTransactionRun(c -> {
                int attempt = attempts.incrementAndGet();
                long v = read(c, "counter");
                if (attempt <= 2) { // first attempts only: make both read before either writes
                    bothRead.countDown();
                    try {
                        bothRead.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Jdbc.update(c, "UPDATE kv SET v = ? WHERE k = 'counter'", v + 1);
            });
            Future<?> a = pool.submit(increment);
            Future<?> b = pool.submit(increment);
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        long finalValue = jdbc.inTransaction(c -> read(c, "counter"));
        assertThat(finalValue).isEqualTo(2);
        assertThat(attempts.get()).as("one transaction was aborted with 40001 and retried").isGreaterThanOrEqualTo(3);
    }

    @Test
    void anInlineIsolationTransactionRunsAtTheHelpersLevelWithoutChangingTheSessionDefault() {
        Jdbc serializable = jdbc.withIsolation(Connection.TRANSACTION_SERIALIZABLE);
        String inside = serializable.inTransactionIsolationInline(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute(serializable.beginIsolationSql() + "; SELECT 1");
            }
            return Jdbc.queryOne(c, "SHOW transaction_isolation", rs -> rs.getString(1)).orElseThrow();
        });
        assertThat(inside).isEqualTo("serializable");
        String next = jdbc.inTransactionIsolationInline(c -> Jdbc.queryOne(c, "SHOW transaction_isolation",
                rs -> rs.getString(1)).orElseThrow());
        assertThat(next).as("no session setting left behind").isEqualTo("read committed");
    }
}
