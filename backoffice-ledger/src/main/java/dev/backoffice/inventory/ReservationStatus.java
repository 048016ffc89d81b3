package dev.backoffice.inventory;

/** Where a reservation stands (TigerBeetle's pending transfer: posted, voided or expired). */
public enum ReservationStatus {
    /** Holding stock; may be shipped in part or in full. */
    OPEN,
    /** Shipped in full. */
    SHIPPED,
    /** What was not shipped was released by request. */
    RELEASED,
    /** What was not shipped was released because it expired. */
    EXPIRED
}
