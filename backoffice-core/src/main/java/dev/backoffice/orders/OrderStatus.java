package dev.backoffice.orders;

/**
 * Where an order is in its life. The moves between statuses are the {@link OrderLifecycle}
 * machine; see its diagram.
 */
public enum OrderStatus {
    /** Being put together by the customer or a clerk; lines are fixed once created. */
    DRAFT,
    /** Submitted; waiting for payment (or, for a pay-later order, ready to ship). */
    PLACED,
    /** Some money received, not all. */
    PARTIALLY_PAID,
    /** The total is paid; ready to ship. */
    PAID,
    /** Some items shipped, not all. */
    PARTIALLY_SHIPPED,
    /** Every item shipped. */
    SHIPPED,
    /** The carrier delivered; returns and refunds are possible from here. */
    DELIVERED,
    /**
     * Closed (final): delivered and paid in full, or (a pay-later order) everything returned
     * with nothing paid left to refund.
     */
    COMPLETED,
    /** Cancelled before any shipment; anything paid was refunded (final). */
    CANCELLED,
    /** Every delivered item came back; waiting for the refund. */
    RETURNED,
    /** Everything paid was refunded (final). */
    REFUNDED
}
