package dev.backoffice.orders;

import dev.backoffice.statemachine.StateMachine;

import static dev.backoffice.orders.OrderEvent.CANCEL;
import static dev.backoffice.orders.OrderEvent.COMPLETE;
import static dev.backoffice.orders.OrderEvent.DELIVER;
import static dev.backoffice.orders.OrderEvent.PAY;
import static dev.backoffice.orders.OrderEvent.PLACE;
import static dev.backoffice.orders.OrderEvent.REFUND;
import static dev.backoffice.orders.OrderEvent.RETURN;
import static dev.backoffice.orders.OrderEvent.SHIP;
import static dev.backoffice.orders.OrderStatus.CANCELLED;
import static dev.backoffice.orders.OrderStatus.COMPLETED;
import static dev.backoffice.orders.OrderStatus.DELIVERED;
import static dev.backoffice.orders.OrderStatus.DRAFT;
import static dev.backoffice.orders.OrderStatus.PAID;
import static dev.backoffice.orders.OrderStatus.PARTIALLY_PAID;
import static dev.backoffice.orders.OrderStatus.PARTIALLY_SHIPPED;
import static dev.backoffice.orders.OrderStatus.PLACED;
import static dev.backoffice.orders.OrderStatus.REFUNDED;
import static dev.backoffice.orders.OrderStatus.RETURNED;
import static dev.backoffice.orders.OrderStatus.SHIPPED;

/**
 * The order lifecycle: which events each status allows and where they lead.
 *
 * <p>The guards look at the order <em>as it will be</em> after the operation (the payment,
 * shipment, return or refund already applied), so one event chooses its target by the result:
 * a payment that covers the total leads to {@code PAID}, a smaller one to
 * {@code PARTIALLY_PAID}. The rules follow common order systems (Saleor, Medusa, OFBiz):
 * <ul>
 *   <li>no shipment before full payment, unless the order is pay-later (invoice terms);</li>
 *   <li>cancellation only before the first shipment; a cancelled order's payments are refunded;</li>
 *   <li>returns and refunds only after delivery; completion only when paid in full.</li>
 * </ul>
 * The Mermaid export of {@link #machine()} is the diagram in the README.
 */
public final class OrderLifecycle {

    private static final StateMachine<OrderStatus, OrderEvent, Order> MACHINE = StateMachine
            .builder(OrderStatus.class, OrderEvent.class, Order.class)
            .name("order")
            .initial(DRAFT)
            .states(OrderStatus.values())
            .finalStates(COMPLETED, CANCELLED, REFUNDED)

            .transition(DRAFT, PLACE, PLACED)
            .transition(DRAFT, CANCEL, CANCELLED)

            .transition(PLACED, PAY, PAID).guard("paid in full", Order::fullyPaid)
            .transition(PLACED, PAY, PARTIALLY_PAID)
            .transition(PLACED, SHIP, SHIPPED).guard("pay later, all shipped", o -> o.payLater() && o.fullyShipped())
            .transition(PLACED, SHIP, PARTIALLY_SHIPPED).guard("pay later", Order::payLater)
            .transition(PLACED, CANCEL, CANCELLED)

            .transition(PARTIALLY_PAID, PAY, PAID).guard("paid in full", Order::fullyPaid)
            .internal(PARTIALLY_PAID, PAY)
            .transition(PARTIALLY_PAID, SHIP, SHIPPED).guard("pay later, all shipped", o -> o.payLater() && o.fullyShipped())
            .transition(PARTIALLY_PAID, SHIP, PARTIALLY_SHIPPED).guard("pay later", Order::payLater)
            .transition(PARTIALLY_PAID, CANCEL, CANCELLED)

            .transition(PAID, SHIP, SHIPPED).guard("all shipped", Order::fullyShipped)
            .transition(PAID, SHIP, PARTIALLY_SHIPPED)
            .transition(PAID, CANCEL, CANCELLED)

            .transition(PARTIALLY_SHIPPED, SHIP, SHIPPED).guard("all shipped", Order::fullyShipped)
            .internal(PARTIALLY_SHIPPED, SHIP)
            .internal(PARTIALLY_SHIPPED, PAY)

            .transition(SHIPPED, DELIVER, DELIVERED)
            .internal(SHIPPED, PAY)

            .internal(DELIVERED, PAY)
            .transition(DELIVERED, COMPLETE, COMPLETED).guard("paid in full", Order::fullyPaid)
            .transition(DELIVERED, RETURN, RETURNED).guard("all returned", Order::fullyReturned)
            .internal(DELIVERED, RETURN)
            .transition(DELIVERED, REFUND, REFUNDED).guard("all refunded", Order::fullyRefunded)
            .internal(DELIVERED, REFUND)

            .transition(RETURNED, REFUND, REFUNDED).guard("all refunded", Order::fullyRefunded)
            .internal(RETURNED, REFUND)
            .transition(RETURNED, COMPLETE, COMPLETED).guard("nothing to refund", o -> o.refundable().isZero())
            .build();

    private OrderLifecycle() {
    }

    /** The machine (immutable, shared). Its error codes start with {@code order.}. */
    public static StateMachine<OrderStatus, OrderEvent, Order> machine() {
        return MACHINE;
    }
}
