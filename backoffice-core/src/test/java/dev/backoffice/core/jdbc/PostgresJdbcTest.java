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

    /**
     * After a failover a pooled connection can still point at the demoted primary, which refuses
     * writes (SQLSTATE 25006) before anything is committed. The helper drops that connection and
     * reruns the work on a new one: the write lands once.
     */
    @Test
    void aWriteRefusedByAReadOnlyServerIsRerunOnANewConnectionAndTheStaleOneIsDropped() throws Exception {
        javax.sql.DataSource real = db.dataSource();
        AtomicInteger borrowed = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.List<Connection> handedOut = new java.util.ArrayList<>();
        javax.sql.DataSource demotedFirst = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (method.getName().equals("getConnection") && armed.get()) {
                        Connection c = (Connection) result;
                        handedOut.add(c.unwrap(Connection.class));
                        if (borrowed.incrementAndGet() == 1) {
                            try (java.sql.Statement st = c.createStatement()) {
                                st.execute("SET SESSION default_transaction_read_only = on"); // a standby, as far as writes go
                            }
                        }
                    }
                    return result;
                });
        Jdbc onDemoted = Jdbc.of(demotedFirst);
        onDemoted.dialect(); // detected on a connection of its own, before the failover
        armed.set(true);
        onDemoted.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO kv (k, v) VALUES ('after-failover', 1)"));

        long stored = jdbc.inTransaction(c -> read(c, "after-failover"));
        assertThat(stored).isEqualTo(1);
        assertThat(borrowed.get()).as("the refused attempt and the rerun on a new connection").isEqualTo(2);
        assertThat(handedOut.get(0).isClosed()).as("the connection to the read-only server was dropped").isTrue();
        assertThat(handedOut.get(1).isClosed()).as("a healthy connection goes back to the pool").isFalse();
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
