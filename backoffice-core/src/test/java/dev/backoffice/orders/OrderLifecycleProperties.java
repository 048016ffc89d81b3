package dev.backoffice.orders;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import dev.backoffice.statemachine.StateMachine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.backoffice.orders.OrderFixtures.CLERK;
import static dev.backoffice.orders.OrderFixtures.PLN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No sequence of random events ever leaves an order in a state its history cannot explain, nor
 * pays, ships, returns or refunds beyond its limits; and a refused event changes nothing.
 */
class OrderLifecycleProperties {

    private static final StateMachine<OrderStatus, OrderEvent, Order> MACHINE = OrderLifecycle.machine();
    private static final List<String> SKUS = List.of("BOOK", "LAMP", "PEN");
    private static final Set<OrderStatus> AFTER_SHIPPING = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED,
            OrderStatus.COMPLETED, OrderStatus.RETURNED);

    /**
     * One random operation. {@code amountMinor} 0 means "exactly what is left" (due or refundable)
     * and {@code quantity} 0 "every unit left" (to ship or to return), so the order often gets
     * all the way through its life.
     */
    record Op(OrderEvent event, long amountMinor, int sku, int quantity) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(1, 40_000)));
        Arbitrary<OrderEvent> events = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(OrderEvent.PLACE)),
                Tuple.of(8, Arbitraries.just(OrderEvent.PAY)),
                Tuple.of(10, Arbitraries.just(OrderEvent.SHIP)),
                Tuple.of(5, Arbitraries.just(OrderEvent.DELIVER)),
                Tuple.of(3, Arbitraries.just(OrderEvent.COMPLETE)),
                Tuple.of(1, Arbitraries.just(OrderEvent.CANCEL)),
                Tuple.of(6, Arbitraries.just(OrderEvent.RETURN)),
                Tuple.of(6, Arbitraries.just(OrderEvent.REFUND)));
        Arbitrary<Integer> quantities = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 4)));
        Arbitrary<Op> op = Combinators.combine(events, amounts,
                Arbitraries.integers().between(0, SKUS.size() - 1), quantities).as(Op::new);
        return op.list().ofMinSize(15).ofMaxSize(50);
    }

    @Property(tries = 500)
    void random_events_never_break_the_history_or_the_limits(@ForAll("operations") List<Op> ops, @ForAll boolean payLater) {
        AdjustableClock clock = OrderFixtures.clock();
        TenantOrders shop = Orders.builder().store(InMemoryOrderStore.create()).clock(clock).build().forTenant(TenantId.of("t"));
        NewOrder command = NewOrder.of("c", PLN, List.of(
                OrderLine.of("BOOK", 2, Money.parse("PLN 39.99"), "5"),
                OrderLine.of("LAMP", 1, Money.parse("PLN 120.00"), "23"),
                OrderLine.of("PEN", 3, Money.parse("PLN 2.49"), "8")));
        OrderId id = shop.create(payLater ? command.payingLater() : command, CLERK).id();

        for (Op op : ops) {
            clock.advance(Duration.ofMinutes(1));
            Order before = shop.get(id);
            try {
                Order after = apply(shop, before, op);
                assertThat(shop.get(id)).isEqualTo(after);
                assertThat(after.version()).isEqualTo(before.version() + 1);
            } catch (BackofficeException refused) {
                assertThat(shop.get(id)).as("refused %s (%s) must change nothing", op, refused.code()).isEqualTo(before);
            }
            checkInvariants(shop.get(id));
        }
        Statistics.label("final status").collect(shop.get(id).status());
    }

    private static Order apply(TenantOrders shop, Order order, Op op) {
        String sku = SKUS.get(op.sku());
        return switch (op.event()) {
            case PLACE -> shop.place(order.id(), CLERK);
            case PAY -> shop.pay(order.id(), amount(order.amountDue(), op), "psp", CLERK);
            case SHIP -> shop.ship(order.id(), items(order, sku, op.quantity(), true), CLERK);
            case DELIVER -> shop.deliver(order.id(), CLERK);
            case COMPLETE -> shop.complete(order.id(), CLERK);
            case CANCEL -> shop.cancel(order.id(), CLERK);
            case RETURN -> shop.returnItems(order.id(), items(order, sku, op.quantity(), false), CLERK);
            case REFUND -> shop.refund(order.id(), amount(order.refundable(), op), CLERK);
        };
    }

    private static List<ItemQuantity> items(Order o, String sku, int quantity, boolean ship) {
        if (quantity > 0) {
            return List.of(ItemQuantity.of(sku, quantity));
        }
        List<ItemQuantity> left = o.lines().stream()
                .map(l -> new Object[]{l.sku(), ship ? l.quantity() - o.shippedQuantity(l.sku())
                        : o.shippedQuantity(l.sku()) - o.returnedQuantity(l.sku())})
                .filter(x -> (int) x[1] > 0)
                .map(x -> ItemQuantity.of((String) x[0], (int) x[1]))
                .toList();
        return left.isEmpty() ? List.of(ItemQuantity.of(sku, 1)) : left;
    }

    private static Money amount(Money left, Op op) {
        if (op.amountMinor() == 0) {
            return left.isPositive() ? left : Money.ofMinor(PLN, 1);
        }
        return MoneyMath.ofMinor(PLN, op.amountMinor());
    }

    private static void checkInvariants(Order o) {
        // the history explains the status, entry by entry, through declared transitions
        OrderStatus at = OrderStatus.DRAFT;
        for (int i = 0; i < o.history().size(); i++) {
            OrderHistoryEntry h = o.history().get(i);
            assertThat(h.seq()).isEqualTo(i + 1);
            assertThat(h.from()).isEqualTo(at);
            assertThat(MACHINE.declares(h.from(), h.event(), h.to())).as("declared: %s", h).isTrue();
            at = h.to();
        }
        assertThat(o.status()).isEqualTo(at);

        // money limits
        assertThat(o.paid().isGreaterThan(o.total())).isFalse();
        assertThat(o.refunded().isGreaterThan(o.paid())).isFalse();
        // quantity limits
        for (OrderLine line : o.lines()) {
            assertThat(o.shippedQuantity(line.sku())).isBetween(0, line.quantity());
            assertThat(o.returnedQuantity(line.sku())).isBetween(0, o.shippedQuantity(line.sku()));
        }
        // statuses mean what they say
        if (!o.payLater() && !o.shipments().isEmpty()) {
            assertThat(o.fullyPaid()).as("a prepaid order ships only when paid").isTrue();
        }
        if (AFTER_SHIPPING.contains(o.status())) {
            assertThat(o.fullyShipped()).isTrue();
        }
        if (o.status() == OrderStatus.PAID) {
            assertThat(o.fullyPaid()).isTrue();
        }
        if (o.status() == OrderStatus.COMPLETED) {
            assertThat(o.fullyPaid() || (o.fullyReturned() && o.refundable().isZero()))
                    .as("completed means paid in full, or everything back and nothing left to refund").isTrue();
        }
        if (o.status() == OrderStatus.CANCELLED) {
            assertThat(o.shipments()).isEmpty();
            assertThat(o.refundable().isZero()).isTrue();
        }
        if (o.status() == OrderStatus.RETURNED) {
            assertThat(o.fullyReturned()).isTrue();
        }
        if (o.status() == OrderStatus.REFUNDED) {
            assertThat(o.fullyRefunded()).isTrue();
        }
        if (!o.returns().isEmpty() || !o.refunds().isEmpty()) {
            assertThat(o.history()).extracting(OrderHistoryEntry::event)
                    .containsAnyOf(OrderEvent.DELIVER, OrderEvent.CANCEL);
        }
    }
}
