package dev.backoffice.inventory;

/** How an item's stock is valued and what a shipment costs (chosen per item). */
public enum Costing {
    /** First in, first out: each receipt is a layer; issues consume the oldest layers first (IAS 2.25). */
    FIFO,
    /** Weighted average cost, recomputed at each receipt (IAS 2.27, the moving average). */
    MOVING_AVERAGE
}
