package dev.backoffice.examples.bench.statemachine;

import java.util.List;

/**
 * The order machine every library implements for the benchmark: the core of
 * {@code dev.backoffice.orders.OrderLifecycle} (placing, partial and full payment, partial and
 * full shipment, delivery, completion, cancellation before shipment), with the same guards.
 */
public final class BenchOrder {
    private BenchOrder() {
    }

    /** Statuses. */
    public enum Status { DRAFT, PLACED, PARTIALLY_PAID, PAID, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, COMPLETED, CANCELLED }

    /** Events. */
    public enum Event { PLACE, PAY, SHIP, DELIVER, COMPLETE, CANCEL }

    /**
     * What the guards look at: the order as it will be after the operation.
     *
     * @param fullyPaid  the payment covers the total
     * @param allShipped the shipment completes every line
     */
    public record Ctx(boolean fullyPaid, boolean allShipped) {
    }

    /** One step of the persisted-entity case: stored state, event, context, expected new state. */
    public record Step(Status from, Event event, Ctx ctx, Status expected) {
    }

    static final Ctx PARTIAL = new Ctx(false, false);
    static final Ctx FULL = new Ctx(true, true);

    /** A whole life, as a stream of requests would drive it, one event per request. */
    public static final List<Step> LIFE = List.of(
            new Step(Status.DRAFT, Event.PLACE, PARTIAL, Status.PLACED),
            new Step(Status.PLACED, Event.PAY, PARTIAL, Status.PARTIALLY_PAID),
            new Step(Status.PARTIALLY_PAID, Event.PAY, PARTIAL, Status.PARTIALLY_PAID),
            new Step(Status.PARTIALLY_PAID, Event.PAY, FULL, Status.PAID),
            new Step(Status.PAID, Event.SHIP, PARTIAL, Status.PARTIALLY_SHIPPED),
            new Step(Status.PARTIALLY_SHIPPED, Event.SHIP, FULL, Status.SHIPPED),
            new Step(Status.SHIPPED, Event.DELIVER, PARTIAL, Status.DELIVERED),
            new Step(Status.DELIVERED, Event.COMPLETE, PARTIAL, Status.COMPLETED),
            new Step(Status.PLACED, Event.CANCEL, PARTIAL, Status.CANCELLED));
}
