package dev.backoffice.orders.jdbc;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.testing.CommitOutcomes;
import dev.backoffice.core.testing.FaultyDataSource;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderFixtures;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.core.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.UUID;

import static dev.backoffice.orders.OrderFixtures.CLERK;
import static dev.backoffice.orders.OrderFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a failure of an order write means (DESIGN.md section 11), with faults injected between
 * the JDBC order store and a real database, for creation (identity: the order id) and for a
 * transition (identity: the order id and its next version).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrdersCommitOutcomeContract {

    private TestDatabase db;
    private FaultyDataSource faulty;
    private AdjustableClock clock;
    private TenantOrders orders;

    protected abstract TestDatabase openDatabase();

    @BeforeAll
    void open() {
        db = openDatabase();
        faulty = new FaultyDataSource(db.dataSource());
        clock = OrderFixtures.clock();
        orders = Orders.builder().store(JdbcOrderStore.create(Jdbc.of(faulty))).clock(clock).build()
                .forTenant(TenantId.of("t-" + UUID.randomUUID()));
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void disarm() {
        faulty.disarm();
    }

    private Order create() {
        clock.advance(Duration.ofSeconds(1));
        return orders.create(OrderFixtures.twoLines().withId(OrderId.newId()), CLERK);
    }

    @Test
    void creatingAnOrderIsStoredExactlyOnceWhateverTheFaultAndTheCallerIsToldSo() {
        CommitOutcomes.Probe probe = CommitOutcomes.probe(faulty, this::create, this::create);
        for (CommitOutcomes.Fault fault : CommitOutcomes.faults(faulty, probe)) {
            OrderId id = OrderId.newId();
            clock.advance(Duration.ofSeconds(1));
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> orders.create(OrderFixtures.twoLines().withId(id), CLERK),
                    told -> orders.find(id).filter(told::equals).isPresent() ? 1 : 0,
                    () -> orders.find(id).isPresent() ? 1 : 0, 1);
        }
    }

    @Test
    void aTransitionIsStoredExactlyOnceWhateverTheFaultAndTheCallerIsToldSo() {
        Order probe1 = create();
        Order probe2 = create();
        CommitOutcomes.Probe probe = CommitOutcomes.probe(faulty, () -> orders.place(probe1.id(), CLERK),
                () -> orders.place(probe2.id(), CLERK));
        for (CommitOutcomes.Fault fault : CommitOutcomes.faults(faulty, probe)) {
            Order o = create();
            orders.place(o.id(), CLERK);
            clock.advance(Duration.ofSeconds(1));
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> orders.pay(o.id(), pln("10.00"), "psp", CLERK),
                    told -> orders.get(o.id()).equals(told) ? 1 : 0,
                    () -> {
                        Order stored = orders.get(o.id());
                        assertThat(stored.version()).as("one version per landed transition").isEqualTo(2 + stored.payments().size());
                        return stored.payments().size();
                    }, 1);
        }
    }

    @Test
    void aCreateWhoseCommitAckIsLostAnswersWithTheStoredOrderNotAConflict() {
        OrderId id = OrderId.newId();
        faulty.loseNextCommitAck();
        Order told = orders.create(OrderFixtures.twoLines().withId(id), CLERK);
        assertThat(orders.get(id)).isEqualTo(told);
    }

    @Test
    void aCreateThatStaysUnknownBecauseTheServerIsGoneSaysWhichOrderToLookUp() {
        OrderId id = OrderId.newId();
        faulty.loseNextCommitAckThenStayUnreachable();
        try {
            assertThatThrownBy(() -> orders.create(OrderFixtures.twoLines().withId(id), CLERK))
                    .isInstanceOf(OutcomeUnknownException.class)
                    .hasMessageContaining(id.toString());
        } finally {
            faulty.disarm();
        }
        assertThat(orders.find(id)).as("the first attempt landed; the caller was not told otherwise").isPresent();
    }
}
