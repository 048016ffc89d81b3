package dev.backoffice.orders;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import dev.backoffice.statemachine.StateMachine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The code of README-orders.md, compiled and run; and the README's diagram is the machine's. */
class OrdersReadmeTest {

    // --- README: "Your own machine" ---------------------------------------------------------------
    enum Leave { DRAFT, SUBMITTED, APPROVED, REJECTED }

    enum LeaveEvent { SUBMIT, APPROVE, REJECT, RECALL }

    record LeaveRequest(String employee, int days, int balance) {
    }

    static final StateMachine<Leave, LeaveEvent, LeaveRequest> LEAVE = StateMachine
            .builder(Leave.class, LeaveEvent.class, LeaveRequest.class)
            .name("leave")
            .initial(Leave.DRAFT)
            .states(Leave.values())
            .finalStates(Leave.APPROVED, Leave.REJECTED)
            .transition(Leave.DRAFT, LeaveEvent.SUBMIT, Leave.SUBMITTED)
            .transition(Leave.SUBMITTED, LeaveEvent.APPROVE, Leave.APPROVED)
                .guard("enough days left", r -> r.days() <= r.balance())
                .action("notify employee", (from, event, to, r) -> System.out.println(r.employee() + ": " + to))
            .transition(Leave.SUBMITTED, LeaveEvent.REJECT, Leave.REJECTED)
            .transition(Leave.SUBMITTED, LeaveEvent.RECALL, Leave.DRAFT)
            .build();

    @Test
    void your_own_machine() {
        LeaveRequest request = new LeaveRequest("ann", 3, 20);
        Leave next = LEAVE.fire(Leave.SUBMITTED, LeaveEvent.APPROVE, request).target();   // APPROVED
        List<LeaveEvent> allowed = LEAVE.allowedEvents(Leave.SUBMITTED);                   // [APPROVE, REJECT, RECALL]
        boolean ok = LEAVE.canFire(Leave.SUBMITTED, LeaveEvent.APPROVE, new LeaveRequest("bob", 30, 5)); // false

        assertThat(next).isEqualTo(Leave.APPROVED);
        assertThat(allowed).containsExactly(LeaveEvent.APPROVE, LeaveEvent.REJECT, LeaveEvent.RECALL);
        assertThat(ok).isFalse();
        assertThat(LEAVE.toMermaid()).contains("SUBMITTED --> APPROVED : APPROVE [enough days left]");
    }

    // --- README: "Orders in five minutes" -----------------------------------------------------------
    @Test
    void orders_in_five_minutes() {
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        Orders orders = Orders.builder()
                .store(InMemoryOrderStore.create())     // or JdbcOrderStore.create(Jdbc.of(dataSource))
                .clock(Clock.systemUTC())
                .build();
        TenantOrders shop = orders.forTenant(TenantId.of("acme"));

        Order order = shop.create(NewOrder.of("customer-42", pln, List.of(
                OrderLine.of("BOOK", 2, Money.parse("PLN 39.99"), "5"),      // 79.98 + 4.00 VAT (3.999 rounded per line)
                OrderLine.of("LAMP", 1, Money.parse("PLN 120.00"), "23"))),  // 120.00 + 27.60 VAT
                By.actor("user:ann"));
        OrderId id = order.id();                                              // total PLN 231.58

        shop.place(id, By.actor("user:ann"));
        shop.pay(id, Money.parse("PLN 100.00"), "psp-7781", By.actor("psp"));      // PARTIALLY_PAID
        shop.pay(id, Money.parse("PLN 131.58"), "psp-7790", By.actor("psp"));      // PAID
        shop.ship(id, List.of(ItemQuantity.of("BOOK", 2)), By.actor("job:wms"));   // PARTIALLY_SHIPPED
        shop.ship(id, List.of(ItemQuantity.of("LAMP", 1)), By.actor("job:wms"));   // SHIPPED
        shop.deliver(id, By.actor("carrier:dhl"));
        Order done = shop.complete(id, By.actor("job:close", "delivered and paid"));

        try {
            shop.cancel(id, By.actor("user:ann"));
        } catch (BackofficeException e) {
            System.out.println(e.code() + ": " + e.getMessage());
            // order.illegal_transition: order: event CANCEL is not allowed in state COMPLETED
            //   (COMPLETED is a final state); allowed events: []
        }

        assertThat(order.total()).isEqualTo(Money.parse("PLN 231.58"));
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(done.history()).hasSize(7);
        assertThat(done.version()).isEqualTo(8);
    }

    @Test
    void the_same_on_a_database() {
        try (TestDatabase db = TestDatabases.h2()) {
            Orders orders = Orders.builder().store(JdbcOrderStore.create(db.jdbc())).build();
            TenantOrders shop = orders.forTenant(TenantId.of("acme"));
            Order order = shop.create(NewOrder.of("c-1", CurrencyUnit.of("EUR"),
                    List.of(OrderLine.of("SKU-1", 1, Money.parse("EUR 10.00"), "20"))), By.actor("user:ann"));
            assertThat(shop.place(order.id(), By.actor("user:ann")).status()).isEqualTo(OrderStatus.PLACED);
        }
    }

    @Test
    void the_readme_diagram_is_the_order_machine() throws Exception {
        String readme = Files.readString(Path.of("README-orders.md"));
        assertThat(readme).contains(OrderLifecycle.machine().toMermaid());
    }
}
