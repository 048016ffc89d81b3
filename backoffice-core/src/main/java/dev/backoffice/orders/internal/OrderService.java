package dev.backoffice.orders.internal;

import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.orders.By;
import dev.backoffice.orders.ItemQuantity;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderEvent;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLifecycle;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.TenantOrderStore;
import dev.backoffice.orders.TenantOrders;
import dev.backoffice.statemachine.Outcome;
import dev.backoffice.statemachine.StateMachine;
import org.joda.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The order operations of one tenant over its {@link TenantOrderStore}; see {@link TenantOrders}
 * for what each does. Every call runs with the tenant and the operation ({@code orders.create},
 * {@code orders.pay}...) in the SLF4J MDC ({@link LogContext}).
 *
 * <p>A transition reads the order, checks and computes the next order outside the store's write
 * unit, then saves it with {@code tx.update(next)}: the version check refuses it if another
 * writer saved the order in between, and the write carries its identity (order id, next
 * version) into the store, which resolves a lost commit acknowledgement by it.
 */
public final class OrderService implements TenantOrders {

    private static final StateMachine<OrderStatus, OrderEvent, Order> MACHINE = OrderLifecycle.machine();

    /** MDC operation names ({@link LogContext}) by event ordinal: {@code orders.place}, {@code orders.pay}... */
    private static final String[] OPERATION = operationNames();

    private final TenantOrderStore store;
    private final Clock clock;
    private final boolean allowZeroPriceLines;

    private OrderService(TenantOrderStore store, Clock clock, boolean allowZeroPriceLines) {
        this.store = Check.notNull(store, "store");
        this.clock = Check.notNull(clock, "clock");
        this.allowZeroPriceLines = allowZeroPriceLines;
    }

    /**
     * The operations on the orders of {@code store}'s tenant.
     *
     * @param store               the tenant's orders
     * @param clock               stamps history entries, payments and so on
     * @param allowZeroPriceLines whether lines may have a zero unit price
     * @return the tenant's order operations
     */
    public static TenantOrders create(TenantOrderStore store, Clock clock, boolean allowZeroPriceLines) {
        return new OrderService(store, clock, allowZeroPriceLines);
    }

    @Override
    public TenantId tenant() {
        return store.tenant();
    }

    @Override
    public Order create(NewOrder order, By by) {
        Check.notNull(order, "order");
        Check.notNull(by, "by");
        try (LogContext ignored = LogContext.open(tenant(), "orders.create")) {
            Order draft = Order.draft(order.id().orElseGet(OrderId::newId), tenant(), order, allowZeroPriceLines, by, now());
            return store.write(tx -> tx.insert(draft));
        }
    }

    @Override
    public Order get(OrderId id) {
        return store.read().get(Check.notNull(id, "id"));
    }

    @Override
    public Optional<Order> find(OrderId id) {
        return store.read().find(Check.notNull(id, "id"));
    }

    @Override
    public Page<Order> list(Optional<String> cursor, int limit) {
        return store.read().list(cursor, limit);
    }

    @Override
    public List<OrderEvent> allowedEvents(OrderId id) {
        return MACHINE.allowedEvents(get(id).status());
    }

    @Override
    public Order place(OrderId id, By by) {
        return apply(id, OrderEvent.PLACE, by, (o, at) -> o);
    }

    @Override
    public Order pay(OrderId id, Money amount, String reference, By by) {
        return apply(id, OrderEvent.PAY, by, (o, at) -> o.withPayment(amount, reference, at));
    }

    @Override
    public Order ship(OrderId id, List<ItemQuantity> items, By by) {
        return apply(id, OrderEvent.SHIP, by, (o, at) -> o.withShipment(items, at));
    }

    @Override
    public Order deliver(OrderId id, By by) {
        return apply(id, OrderEvent.DELIVER, by, (o, at) -> o);
    }

    @Override
    public Order complete(OrderId id, By by) {
        return apply(id, OrderEvent.COMPLETE, by, (o, at) -> o);
    }

    @Override
    public Order cancel(OrderId id, By by) {
        return apply(id, OrderEvent.CANCEL, by, (o, at) -> o.refundable().isPositive()
                ? o.withRefund(o.refundable(), "cancellation", at) : o);
    }

    @Override
    public Order returnItems(OrderId id, List<ItemQuantity> items, By by) {
        return apply(id, OrderEvent.RETURN, by, (o, at) -> o.withReturn(items, at));
    }

    @Override
    public Order refund(OrderId id, Money amount, By by) {
        return apply(id, OrderEvent.REFUND, by, (o, at) -> o.withRefund(amount, by.reason().orElse("refund"), at));
    }

    @FunctionalInterface
    private interface Change {
        Order apply(Order order, Instant at);
    }

    private Order apply(OrderId id, OrderEvent event, By by, Change change) {
        Check.notNull(id, "id");
        Check.notNull(by, "by");
        try (LogContext ignored = LogContext.open(tenant(), OPERATION[event.ordinal()])) {
            Order current = store.read().get(id);
            MACHINE.requireDeclared(current.status(), event);
            Instant at = now();
            Order changed = change.apply(current, at);
            Outcome<OrderStatus, OrderEvent> outcome = MACHINE.fire(current.status(), event, changed);
            Order next = changed.transitioned(outcome, by, at);
            return store.write(tx -> tx.update(next));
        }
    }

    private static String[] operationNames() {
        OrderEvent[] events = OrderEvent.values();
        String[] names = new String[events.length];
        for (OrderEvent e : events) {
            names[e.ordinal()] = "orders." + e.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }

    /**
     * The clock's instant at the precision the stores keep (microseconds). A finer instant would
     * be rounded by the database (pgjdbc rounds to the microsecond), so the order answered to the
     * caller would differ from the one stored, and a rerun after an unknown commit outcome could
     * not recognise its own write (found by the failover drill: a pay told
     * {@code order.version_conflict} although it had landed).
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public String toString() {
        return "TenantOrders[" + tenant() + "]";
    }
}
