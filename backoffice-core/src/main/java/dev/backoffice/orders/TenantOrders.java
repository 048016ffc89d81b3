package dev.backoffice.orders;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.statemachine.Outcome;
import dev.backoffice.statemachine.StateMachine;
import org.joda.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The order operations of one tenant (from {@link Orders#forTenant(TenantId)}).
 *
 * <p>Each operation: load the order, check that its status allows the event
 * ({@code order.illegal_transition} otherwise, listing the allowed events), apply the change to
 * a copy (checking the limits: {@code order.overpayment}, {@code order.overshipment}...), fire
 * the event through {@link OrderLifecycle} with that copy as context (the guards pick the
 * target, or refuse with {@code order.guard_rejected}), append the history entry and save with
 * the version check ({@code order.version_conflict} if another writer got there first). Any
 * failure leaves the stored order unchanged. Operations do not retry on conflict: the caller
 * re-reads and decides.
 */
public final class TenantOrders {

    private static final StateMachine<OrderStatus, OrderEvent, Order> MACHINE = OrderLifecycle.machine();

    /** MDC operation names ({@link LogContext}) by event ordinal: {@code orders.place}, {@code orders.pay}... */
    private static final String[] OPERATION = operationNames();

    private final TenantOrderStore store;
    private final Clock clock;
    private final boolean allowZeroPriceLines;

    TenantOrders(TenantOrderStore store, Clock clock, boolean allowZeroPriceLines) {
        this.store = store;
        this.clock = clock;
        this.allowZeroPriceLines = allowZeroPriceLines;
    }

    /** The tenant. */
    public TenantId tenant() {
        return store.tenant();
    }

    /**
     * Creates a draft order.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException for bad lines (see {@link OrderErrorCode})
     * @throws ConflictException {@code order.already_exists} if the supplied id is taken
     */
    public Order create(NewOrder order, By by) {
        Check.notNull(order, "order");
        Check.notNull(by, "by");
        try (LogContext ignored = LogContext.open(tenant(), "orders.create")) {
            Order draft = Order.draft(order.id().orElseGet(OrderId::newId), tenant(), order, allowZeroPriceLines, by, now());
            return store.insert(draft);
        }
    }

    /** The order, or {@code order.not_found}. */
    public Order get(OrderId id) {
        return store.get(Check.notNull(id, "id"));
    }

    /** The order, if it exists in this tenant. */
    public Optional<Order> find(OrderId id) {
        return store.find(Check.notNull(id, "id"));
    }

    /** A page of this tenant's orders; see {@link TenantOrderStore#list}. */
    public Page<Order> list(Optional<String> cursor, int limit) {
        return store.list(cursor, limit);
    }

    /** The events the order's status allows now (ignoring guards). */
    public List<OrderEvent> allowedEvents(OrderId id) {
        return MACHINE.allowedEvents(get(id).status());
    }

    /** Submits a draft: {@code DRAFT -> PLACED}. */
    public Order place(OrderId id, By by) {
        return apply(id, OrderEvent.PLACE, by, (o, at) -> o);
    }

    /**
     * Records a payment ({@code PLACED/PARTIALLY_PAID -> PARTIALLY_PAID or PAID}; after shipment,
     * for pay-later orders, the status stays).
     *
     * @param reference the payment provider's reference
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.overpayment} above the amount due
     */
    public Order pay(OrderId id, Money amount, String reference, By by) {
        return apply(id, OrderEvent.PAY, by, (o, at) -> o.withPayment(amount, reference, at));
    }

    /**
     * Records a shipment of some or all remaining items ({@code -> PARTIALLY_SHIPPED or SHIPPED}).
     * Requires full payment unless the order is pay-later ({@code order.guard_rejected}).
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.overshipment} above what is left to ship
     */
    public Order ship(OrderId id, List<ItemQuantity> items, By by) {
        return apply(id, OrderEvent.SHIP, by, (o, at) -> o.withShipment(items, at));
    }

    /** The carrier delivered everything: {@code SHIPPED -> DELIVERED}. */
    public Order deliver(OrderId id, By by) {
        return apply(id, OrderEvent.DELIVER, by, (o, at) -> o);
    }

    /** Closes a delivered order paid in full: {@code DELIVERED -> COMPLETED}. */
    public Order complete(OrderId id, By by) {
        return apply(id, OrderEvent.COMPLETE, by, (o, at) -> o);
    }

    /**
     * Cancels an order not yet shipped ({@code -> CANCELLED}); whatever was paid is refunded in
     * the same step (a refund with reason {@code cancellation}).
     */
    public Order cancel(OrderId id, By by) {
        return apply(id, OrderEvent.CANCEL, by, (o, at) -> o.refundable().isPositive()
                ? o.withRefund(o.refundable(), "cancellation", at) : o);
    }

    /**
     * Records items sent back after delivery ({@code DELIVERED -> RETURNED} once everything is back).
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.return_exceeds_delivered}
     */
    public Order returnItems(OrderId id, List<ItemQuantity> items, By by) {
        return apply(id, OrderEvent.RETURN, by, (o, at) -> o.withReturn(items, at));
    }

    /**
     * Records a refund after delivery or return ({@code -> REFUNDED} once everything paid is refunded).
     * The reason is {@code by}'s reason, or {@code refund}.
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.refund_exceeds_paid}
     */
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
            Order current = store.get(id);
            MACHINE.requireDeclared(current.status(), event);
            Instant at = now();
            Order changed = change.apply(current, at);
            Outcome<OrderStatus, OrderEvent> outcome = MACHINE.fire(current.status(), event, changed);
            return store.update(changed.transitioned(outcome, by, at));
        }
    }

    private static String[] operationNames() {
        OrderEvent[] events = OrderEvent.values();
        String[] names = new String[events.length];
        for (OrderEvent e : events) {
            names[e.ordinal()] = "orders." + e.name().toLowerCase(java.util.Locale.ROOT);
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
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
