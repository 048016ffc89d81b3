package dev.backoffice.orders;

/** What can happen to an order: the events of the {@link OrderLifecycle} machine. */
public enum OrderEvent {
    PLACE, PAY, SHIP, DELIVER, COMPLETE, CANCEL, RETURN, REFUND
}
