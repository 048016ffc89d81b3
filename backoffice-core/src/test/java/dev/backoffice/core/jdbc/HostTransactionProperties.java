package dev.backoffice.core.jdbc;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestHost;
import dev.backoffice.orders.By;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Host commits and rollbacks interleaved with SDK calls (issue #18): after any sequence, the
 * stores hold exactly the work of the committed host transactions: the host's own rows, the
 * SDK's rows, orders and audit records; nothing of a rolled-back one, and nothing of an SDK call
 * that failed inside a transaction that then committed.
 */
abstract class HostTransactionProperties {

    /** One SDK (or host) step inside a host transaction. */
    enum Step { HOST_ROW, SDK_ROW, ORDER, AUDIT, FAILING_SDK_CALL }

    record HostTx(List<Step> steps, boolean commit) {
    }

    /** One database per kind for all tries (jqwik may make a container instance per try). */
    private static final java.util.Map<StoreKind, World> WORLDS = new java.util.EnumMap<>(StoreKind.class);

    private final StoreKind kind;

    private static final class World {
        final TestDatabase db;
        final TestHost host;
        final Jdbc jdbc;
        final Jdbc plain;

        World(StoreKind kind) {
            db = kind.openDatabase();
            host = TestHost.over(db.dataSource());
            plain = Jdbc.of(db.dataSource());
            jdbc = plain.withHostTransactions(host);
            plain.inTransactionRun(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS prop_kv (k VARCHAR(80) PRIMARY KEY, v BIGINT NOT NULL)"));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        }
    }

    HostTransactionProperties(StoreKind kind) {
        this.kind = kind;
    }

    private World world() {
        synchronized (WORLDS) {
            return WORLDS.computeIfAbsent(kind, World::new);
        }
    }

    @Provide
    Arbitrary<List<HostTx>> transactions() {
        Arbitrary<HostTx> tx = Combinators.combine(Arbitraries.of(Step.class).list().ofMaxSize(5), Arbitraries.of(true, false))
                .as(HostTx::new);
        return tx.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 30)
    void theStoresHoldExactlyTheCommittedWork(@ForAll("transactions") List<HostTx> transactions) throws Exception {
        World w = world();
        TenantId tenant = TenantId.of("p-" + UUID.randomUUID());
        TenantOrders orders = Orders.builder().store(JdbcOrderStore.create(w.jdbc)).clock(Clock.systemUTC()).build().forTenant(tenant);
        AuditLog audit = JdbcAuditStore.create(w.jdbc, Clock.systemUTC()).forTenant(tenant);
        Set<String> committedRows = new HashSet<>();
        Set<String> allRows = new HashSet<>();
        Set<OrderId> committedOrders = new HashSet<>();
        List<OrderId> allOrders = new ArrayList<>();
        long committedAudit = 0;
        int n = 0;
        for (HostTx tx : transactions) {
            Connection own = w.host.begin();
            Set<String> rows = new HashSet<>();
            Set<OrderId> txOrders = new HashSet<>();
            long txAudit = 0;
            try {
                for (Step step : tx.steps()) {
                    String key = tenant.value() + "-" + (n++);
                    switch (step) {
                        case HOST_ROW -> {
                            Jdbc.update(own, "INSERT INTO prop_kv (k, v) VALUES (?, 1)", key);
                            rows.add(key);
                        }
                        case SDK_ROW -> {
                            w.jdbc.inTransactionRun(c -> Jdbc.update(c, "INSERT INTO prop_kv (k, v) VALUES (?, 2)", key));
                            rows.add(key);
                        }
                        case ORDER -> {
                            Order o = orders.create(NewOrder.of("c", CurrencyUnit.EUR,
                                    List.of(OrderLine.of("SKU", 1, Money.parse("EUR 1.00"), "23"))), By.actor("p"));
                            orders.place(o.id(), By.actor("p"));
                            txOrders.add(o.id());
                        }
                        case AUDIT -> {
                            audit.append(AuditEvent.of("p", "prop.step", key));
                            txAudit++;
                        }
                        case FAILING_SDK_CALL -> assertThatThrownBy(() -> w.jdbc.inTransactionRun(c -> {
                            Jdbc.update(c, "INSERT INTO prop_kv (k, v) VALUES (?, 3)", key);
                            throw new RuleViolationException("prop.rule", "refused after writing");
                        })).isInstanceOf(RuleViolationException.class);
                    }
                    allRows.add(key);
                }
            } finally {
                if (tx.commit()) {
                    w.host.commit();
                } else {
                    w.host.rollback();
                }
            }
            allOrders.addAll(txOrders);
            if (tx.commit()) {
                committedRows.addAll(rows);
                committedOrders.addAll(txOrders);
                committedAudit += txAudit;
            }
        }

        Set<String> stored = new HashSet<>(w.plain.inTransaction(c -> Jdbc.query(c,
                "SELECT k FROM prop_kv WHERE k LIKE ?", rs -> rs.getString(1), tenant.value() + "-%")));
        assertThat(stored).isEqualTo(committedRows);
        for (OrderId id : allOrders) {
            assertThat(orders.find(id).isPresent()).as("order " + id).isEqualTo(committedOrders.contains(id));
        }
        assertThat(audit.size()).isEqualTo(committedAudit);
        assertThat(audit.verify().intact()).isTrue();
        assertThat(w.host.forbiddenCalls()).isEmpty();
        assertThat(allRows).containsAll(stored);
    }
}
