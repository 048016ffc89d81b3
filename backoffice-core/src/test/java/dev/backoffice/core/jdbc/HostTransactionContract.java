package dev.backoffice.core.jdbc;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.RetryHostTransactionException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestHost;
import dev.backoffice.orders.By;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the SDK promises inside a host application's transaction ({@link HostTransactions}): the
 * host's commit lands everything, its rollback nothing; the SDK never commits, rolls back, closes
 * or retries the host's connection; a serialization failure is a typed retryable error; without a
 * host transaction nothing changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostTransactionContract {

    private static final TenantId ACME = TenantId.of("acme");

    private final StoreKind kind;
    protected TestDatabase db;
    protected TestHost host;
    /** The SDK's helper, joining the host's transactions. */
    protected Jdbc jdbc;
    /** A plain helper, for checking what is committed. */
    protected Jdbc plain;
    private TenantOrders orders;
    private AuditLog audit;

    HostTransactionContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void open() {
        db = kind.openDatabase();
        plain = Jdbc.of(db.dataSource());
        plain.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS host_kv (k VARCHAR(50) PRIMARY KEY, v BIGINT NOT NULL)"));
        host = TestHost.over(db.dataSource());
        jdbc = Jdbc.of(db.dataSource()).withHostTransactions(host);
        orders = Orders.builder().store(JdbcOrderStore.create(jdbc)).clock(Clock.systemUTC()).build().forTenant(ACME);
        audit = JdbcAuditStore.create(jdbc, Clock.systemUTC()).forTenant(ACME);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void clean() {
        plain.inTransactionRun(c -> Jdbc.update(c, "DELETE FROM host_kv"));
    }

    @AfterEach
    void theSdkNeverCalledWhatOnlyTheHostMayCall() {
        assertThat(host.forbiddenCalls()).as("commit, rollback, close, auto-commit or isolation changes by the SDK").isEmpty();
        int[] counts = host.handedOutAndReleased();
        assertThat(counts[1]).as("every connection handed out was given back").isEqualTo(counts[0]);
    }

    private long committed(String k) {
        return plain.inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM host_kv WHERE k = ?", rs -> rs.getLong(1), k)
                .orElseThrow());
    }

    private static void put(Connection c, String k) throws SQLException {
        Jdbc.update(c, "INSERT INTO host_kv (k, v) VALUES (?, ?)", k, 1L);
    }

    private static NewOrder anOrder() {
        return NewOrder.of("customer-42", CurrencyUnit.EUR,
                List.of(OrderLine.of("BOOK", 2, Money.parse("EUR 10.00"), "23")));
    }

    @Test
    void aHostCommitLandsTheHostsRowsAndEverythingTheSdkWroteInItsTransaction() {
        Connection own = host.begin();
        Order order;
        try {
            put(own, "host-row");
            jdbc.inTransactionRun(c -> put(c, "sdk-row"));
            order = orders.create(anOrder(), By.actor("user:ann"));
            orders.place(order.id(), By.actor("user:ann"));
            audit.append(AuditEvent.of("user:ann", "order.placed", order.id().toString(), Map.of()));
            assertThat(committed("sdk-row")).as("nothing is visible outside before the host commits").isZero();
            assertThat(orders.find(order.id())).as("the host's transaction sees its own writes")
                    .map(Order::status).contains(OrderStatus.PLACED);
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            host.commit();
        }
        assertThat(committed("host-row")).isEqualTo(1);
        assertThat(committed("sdk-row")).isEqualTo(1);
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.PLACED);
        assertThat(audit.size()).isEqualTo(1);
    }

    @Test
    void aHostRollbackTakesBackEverythingTheSdkWroteInItsTransaction() throws SQLException {
        long auditBefore = audit.size();
        Connection own = host.begin();
        Order order;
        try {
            put(own, "host-row");
            jdbc.inTransactionRun(c -> put(c, "sdk-row"));
            order = orders.create(anOrder(), By.actor("user:ann"));
            orders.place(order.id(), By.actor("user:ann"));
            audit.append(AuditEvent.of("user:ann", "order.placed", order.id().toString(), Map.of()));
        } finally {
            host.rollback();
        }
        assertThat(committed("host-row")).isZero();
        assertThat(committed("sdk-row")).isZero();
        assertThat(orders.find(order.id())).isEmpty();
        assertThat(audit.size()).isEqualTo(auditBefore);
    }

    @Test
    void insideAHostTransactionTheHelperSaysItIsInATransactionAndNestedWorkJoinsIt() throws SQLException {
        assertThat(jdbc.inTransaction()).isFalse();
        host.begin();
        try {
            assertThat(jdbc.inTransaction()).as("so the ledger's group commit steps aside").isTrue();
            assertThat(jdbc.inHostTransaction()).isTrue();
            assertThat(plain.inTransaction()).as("a helper with no host SPI does not know the host").isFalse();
            jdbc.inTransactionRun(outer -> jdbc.inTransactionRun(inner -> assertThat(inner).isSameAs(outer)));
        } finally {
            host.rollback();
        }
        assertThat(jdbc.inTransaction()).isFalse();
    }

    @Test
    void aSerializationFailureInsideAHostTransactionIsATypedRetryableErrorAndIsNotRetried() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        Connection own = host.begin();
        try {
            put(own, "host-row");
            assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
                attempts.incrementAndGet();
                put(c, "sdk-row");
                throw new SQLException("simulated serialization failure", "40001");
            })).isInstanceOf(RetryHostTransactionException.class)
                    .extracting(e -> ((BackofficeException) e).code()).isEqualTo(RetryHostTransactionException.CODE);
            assertThat(attempts.get()).as("the host owns the transaction: no retry").isEqualTo(1);
        } finally {
            host.commit();
        }
        assertThat(committed("host-row")).isEqualTo(1);
        assertThat(committed("sdk-row")).as("rolled back to the SDK call's savepoint").isZero();
    }

    @Test
    void aFailedSdkCallTakesBackOnlyWhatItWroteAndTheHostTransactionGoesOn() throws SQLException {
        Connection own = host.begin();
        try {
            put(own, "host-row");
            assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
                put(c, "sdk-row");
                throw new RuleViolationException("test.rule", "no");
            })).isInstanceOf(RuleViolationException.class);
            assertThatThrownBy(() -> jdbc.inTransactionRun(c -> put(c, "host-row")))
                    .as("a database error is a storage failure, not retried").isInstanceOf(StorageException.class)
                    .isNotInstanceOf(RetryHostTransactionException.class).hasMessageContaining("23505");
            put(own, "host-row-2"); // the host's transaction is still usable (also on PostgreSQL)
        } finally {
            host.commit();
        }
        assertThat(committed("host-row")).isEqualTo(1);
        assertThat(committed("host-row-2")).isEqualTo(1);
        assertThat(committed("sdk-row")).isZero();
    }

    @Test
    void withoutAnActiveHostTransactionTheSdkRunsItsOwnAsBefore() {
        jdbc.inTransactionRun(c -> put(c, "alone"));
        assertThat(committed("alone")).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.inTransactionRun(c -> {
            put(c, "rolled-back");
            throw new RuleViolationException("test.rule", "no");
        })).isInstanceOf(RuleViolationException.class);
        assertThat(committed("rolled-back")).isZero();
        assertThat(host.handedOutAndReleased()[0]).as("asked, but nothing handed out").isZero();
    }

    @Test
    void aHostThatHandsOutAConnectionInAutoCommitModeIsRefused() {
        Jdbc wrong = Jdbc.of(db.dataSource()).withHostTransactions(ds -> java.util.Optional.of(ds.getConnection()));
        assertThatThrownBy(() -> wrong.inTransactionRun(c -> put(c, "x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("auto-commit");
        assertThat(committed("x")).isZero();
    }
}
