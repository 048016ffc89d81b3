package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.RetryHostTransactionException;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RequiresPostgres
class PostgresHostTransactionTest extends HostTransactionContract {

    PostgresHostTransactionTest() {
        super(StoreKind.POSTGRES);
    }

    /**
     * A real one: the host's REPEATABLE READ transaction reads a row, another transaction changes
     * and commits it, then SDK work in the host's transaction updates it. PostgreSQL answers
     * SQLSTATE 40001; the SDK does not retry (it cannot: the snapshot is the host's) and says so
     * with {@code storage.retry_host_transaction}.
     */
    @Test
    void aRealSerializationFailureInsideAHostTransactionIsReportedNotRetried() throws Exception {
        plain.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO host_kv (k, v) VALUES ('counter', 0)"));
        AtomicInteger attempts = new AtomicInteger();
        Connection own = host.begin(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            Jdbc.queryOne(own, "SELECT v FROM host_kv WHERE k = 'counter'", rs -> rs.getLong(1)); // the snapshot is taken
            plain.inTransactionRun(c -> Jdbc.update(c, "UPDATE host_kv SET v = v + 10 WHERE k = 'counter'"));
            assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
                attempts.incrementAndGet();
                Jdbc.update(c, "UPDATE host_kv SET v = v + 1 WHERE k = 'counter'");
            })).isInstanceOf(RetryHostTransactionException.class).hasMessageContaining("40001");
        } finally {
            host.rollback();
        }
        assertThat(attempts.get()).isEqualTo(1);
        long v = plain.inTransaction(c -> Jdbc.queryOne(c, "SELECT v FROM host_kv WHERE k = 'counter'", rs -> rs.getLong(1)).orElseThrow());
        assertThat(v).isEqualTo(10);
    }
}
