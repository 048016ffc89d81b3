package dev.backoffice.orders.jdbc;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderEvent;
import dev.backoffice.orders.OrderFixtures;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLifecycle;
import dev.backoffice.orders.Orders;
import dev.backoffice.orders.TenantOrderStore;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.core.tenant.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.backoffice.orders.OrderFixtures.CLERK;
import static dev.backoffice.orders.OrderFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a failure of an order write means (DESIGN.md section 11), with faults injected between
 * the JDBC order store and a real database (one subclass per JDBC {@link StoreKind}), for
 * creation (identity: the order id), for a transition (identity: the order id and its next
 * version), and for write units that derive their writes from their own reads or write several
 * orders (identity: the writes the unit made).
 */
abstract class OrdersCommitOutcomeContract extends CommitOutcomeContract {

    private AdjustableClock clock;
    private TenantOrderStore raw;
    private TenantOrders orders;

    /** The contract on a database of {@code kind} (a JDBC kind). */
    protected OrdersCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        clock = OrderFixtures.clock();
        JdbcOrderStore store = JdbcOrderStore.create(meteredJdbc());
        assertThat(store.metrics()).isSameAs(metrics());
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID());
        raw = store.forTenant(tenant);
        orders = Orders.builder().store(store).clock(clock).build().forTenant(tenant);
    }

    private Order create() {
        clock.advance(Duration.ofSeconds(1));
        return orders.create(OrderFixtures.twoLines().withId(OrderId.newId()), CLERK);
    }

    @Test
    void creatingAnOrderIsStoredExactlyOnceWhateverTheFaultAndTheCallerIsToldSo() {
        Probe probe = probe(this::create, this::create);
        for (Fault fault : faults(probe)) {
            OrderId id = OrderId.newId();
            clock.advance(Duration.ofSeconds(1));
            toldMatchesStored(fault, () -> orders.create(OrderFixtures.twoLines().withId(id), CLERK),
                    told -> orders.find(id).filter(told::equals).isPresent() ? 1 : 0,
                    () -> orders.find(id).isPresent() ? 1 : 0, 1);
        }
    }

    @Test
    void aTransitionIsStoredExactlyOnceWhateverTheFaultAndTheCallerIsToldSo() {
        Order probe1 = create();
        Order probe2 = create();
        Probe probe = probe(() -> orders.place(probe1.id(), CLERK),
                () -> orders.place(probe2.id(), CLERK));
        for (Fault fault : faults(probe)) {
            Order o = create();
            orders.place(o.id(), CLERK);
            clock.advance(Duration.ofSeconds(1));
            toldMatchesStored(fault, () -> orders.pay(o.id(), pln("10.00"), "psp", CLERK),
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
        faulty().loseNextCommitAck();
        Order told = orders.create(OrderFixtures.twoLines().withId(id), CLERK);
        assertThat(orders.get(id)).isEqualTo(told);
    }

    @Test
    void aCreateThatStaysUnknownBecauseTheServerIsGoneSaysWhichOrderToLookUp() {
        OrderId id = OrderId.newId();
        faulty().loseNextCommitAckThenStayUnreachable();
        try {
            assertThatThrownBy(() -> orders.create(OrderFixtures.twoLines().withId(id), CLERK))
                    .isInstanceOf(OutcomeUnknownException.class)
                    .hasMessageContaining(id.toString());
        } finally {
            faulty().disarm();
        }
        assertThat(orders.find(id)).as("the first attempt landed; the caller was not told otherwise").isPresent();
    }

    /** Pays 10.00 in a unit that reads the order and derives the payment from what it read. */
    private Order payInOneUnit(OrderId id) {
        return raw.write(tx -> {
            Order read = tx.get(id);
            Instant at = clock.instant();
            Order paid = read.withPayment(pln("10.00"), "psp", at);
            return tx.update(paid.transitioned(OrderLifecycle.machine().fire(read.status(), OrderEvent.PAY, paid), CLERK, at));
        });
    }

    private Order placed() {
        return orders.place(create().id(), CLERK);
    }

    @Test
    void aUnitThatDerivesItsUpdateFromItsOwnReadIsStoredOnceWhateverTheFault() {
        // rerunning such a work after a lost acknowledgement would read the landed payment and pay
        // again on top of it: the store settles the unit by the writes it made instead
        Order probe1 = placed();
        Order probe2 = placed();
        Probe probe = probe(() -> payInOneUnit(probe1.id()), () -> payInOneUnit(probe2.id()));
        for (Fault fault : faults(probe)) {
            Order o = placed();
            clock.advance(Duration.ofSeconds(1));
            toldMatchesStored(fault, () -> payInOneUnit(o.id()),
                    told -> orders.get(o.id()).equals(told) ? 1 : 0,
                    () -> {
                        Order stored = orders.get(o.id());
                        assertThat(stored.version()).as("one version per landed transition").isEqualTo(2 + stored.payments().size());
                        return stored.payments().size();
                    }, 1);
        }
    }

    private Order draft() {
        return Order.draft(OrderId.newId(), raw.tenant(), OrderFixtures.twoLines(), false, CLERK, clock.instant());
    }

    @Test
    void aUnitOfTwoCreationsIsStoredWholeOrNotAtAllWhateverTheFault() {
        Probe probe = probe(
                () -> raw.write(tx -> List.of(tx.insert(draft()), tx.insert(draft()))),
                () -> raw.write(tx -> List.of(tx.insert(draft()), tx.insert(draft()))));
        for (Fault fault : faults(probe)) {
            clock.advance(Duration.ofSeconds(1));
            Order first = draft();
            Order second = draft();
            toldMatchesStored(fault, () -> raw.write(tx -> List.of(tx.insert(first), tx.insert(second))),
                    told -> (int) told.stream().filter(o -> orders.find(o.id()).filter(o::equals).isPresent()).count(),
                    () -> (orders.find(first.id()).isPresent() ? 1 : 0) + (orders.find(second.id()).isPresent() ? 1 : 0), 2);
        }
    }

    @Test
    void aUnitThatStaysUnknownNamesEveryOrderToLookUp() {
        Order first = draft();
        Order second = draft();
        faulty().loseNextCommitAckThenStayUnreachable();
        try {
            assertThatThrownBy(() -> raw.write(tx -> List.of(tx.insert(first), tx.insert(second))))
                    .isInstanceOf(OutcomeUnknownException.class)
                    .hasMessageContaining(first.id().toString())
                    .hasMessageContaining(second.id().toString());
        } finally {
            faulty().disarm();
        }
        assertThat(orders.find(first.id())).as("the first attempt landed whole").isPresent();
        assertThat(orders.find(second.id())).isPresent();
    }

    @Test
    void aCreationWhoseCommitAcknowledgementIsLostIsCountedAsResolvedByLookup() {
        int before = faulty().commits();
        create();
        int commitsOfACreation = faulty().commits() - before; // its write commits last
        metrics().clear();
        faulty().loseCommitAck(commitsOfACreation);
        Order told = create();
        assertThat(orders.find(told.id())).contains(told);
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|orders")).as(metrics().toString()).isEqualTo(1);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN)).isZero();
    }
}
