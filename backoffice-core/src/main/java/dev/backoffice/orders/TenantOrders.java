package dev.backoffice.orders;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import org.joda.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * The order operations of one tenant (from {@link Orders#forTenant(TenantId)}). Thread-safe.
 *
 * <p>Each operation: load the order, check that its status allows the event
 * ({@code order.illegal_transition} otherwise, listing the allowed events), apply the change to
 * a copy (checking the limits: {@code order.overpayment}, {@code order.overshipment}...), fire
 * the event through {@link OrderLifecycle} with that copy as context (the guards pick the
 * target, or refuse with {@code order.guard_rejected}), append the history entry and save with
 * the version check ({@code order.version_conflict} if another writer got there first). Any
 * failure leaves the stored order unchanged. Operations do not retry on conflict: the caller
 * re-reads and decides. Instants (history, payments, shipments...) are taken from the clock at
 * the stores' precision, microseconds.
 *
 * <h2>What a failure means</h2>
 * Every write ends in exactly one of three ways: <b>done</b> (it returns the order as stored),
 * <b>not done</b> (a {@link dev.backoffice.core.error.BackofficeException} with one of the
 * {@link OrderErrorCode}s, or a {@link dev.backoffice.core.error.StorageException} with code
 * {@code storage.failure} or {@code storage.retries_exhausted}; nothing is stored), or
 * <b>outcome unknown</b> (an {@link dev.backoffice.core.error.OutcomeUnknownException},
 * {@code storage.outcome_unknown}, naming the order to read back). The last is rare: a creation
 * carries its order id and a transition the version it makes, and when a commit's
 * acknowledgement is lost the store looks them up and answers with the stored order, or writes
 * it once (see {@link TenantOrderStore}).
 */
public interface TenantOrders {

    /** The tenant. */
    TenantId tenant();

    /**
     * Creates a draft order.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException for bad lines (see {@link OrderErrorCode})
     * @throws ConflictException {@code order.already_exists} if the supplied id is taken
     */
    Order create(NewOrder order, By by);

    /** The order, or {@code order.not_found}. */
    Order get(OrderId id);

    /** The order, if it exists in this tenant. */
    Optional<Order> find(OrderId id);

    /** A page of this tenant's orders; see {@link OrderReads#list}. */
    Page<Order> list(Optional<String> cursor, int limit);

    /** The events the order's status allows now (ignoring guards). */
    List<OrderEvent> allowedEvents(OrderId id);

    /** Submits a draft: {@code DRAFT -> PLACED}. */
    Order place(OrderId id, By by);

    /**
     * Records a payment ({@code PLACED/PARTIALLY_PAID -> PARTIALLY_PAID or PAID}; after shipment,
     * for pay-later orders, the status stays).
     *
     * @param reference the payment provider's reference
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.overpayment} above the amount due
     */
    Order pay(OrderId id, Money amount, String reference, By by);

    /**
     * Records a shipment of some or all remaining items ({@code -> PARTIALLY_SHIPPED or SHIPPED}).
     * Requires full payment unless the order is pay-later ({@code order.guard_rejected}).
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.overshipment} above what is left to ship
     */
    Order ship(OrderId id, List<ItemQuantity> items, By by);

    /** The carrier delivered everything: {@code SHIPPED -> DELIVERED}. */
    Order deliver(OrderId id, By by);

    /** Closes a delivered order paid in full: {@code DELIVERED -> COMPLETED}. */
    Order complete(OrderId id, By by);

    /**
     * Cancels an order not yet shipped ({@code -> CANCELLED}); whatever was paid is refunded in
     * the same step (a refund with reason {@code cancellation}).
     */
    Order cancel(OrderId id, By by);

    /**
     * Records items sent back after delivery ({@code DELIVERED -> RETURNED} once everything is back).
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.return_exceeds_delivered}
     */
    Order returnItems(OrderId id, List<ItemQuantity> items, By by);

    /**
     * Records a refund after delivery or return ({@code -> REFUNDED} once everything paid is refunded).
     * The reason is {@code by}'s reason, or {@code refund}.
     *
     * @throws dev.backoffice.core.error.RuleViolationException {@code order.refund_exceeds_paid}
     */
    Order refund(OrderId id, Money amount, By by);
}
