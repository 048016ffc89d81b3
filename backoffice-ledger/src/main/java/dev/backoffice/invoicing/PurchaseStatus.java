package dev.backoffice.invoicing;

/** Where a supplier's invoice is in its lifecycle ({@link PurchaseLifecycle}). */
public enum PurchaseStatus {
    /** Registered, waiting for approval: not in the ledger, not payable yet. */
    RECEIVED,
    /** Approved and posted to the ledger (expense and input VAT against the payable); nothing paid yet. */
    APPROVED,
    /** Some of it paid. */
    PARTIALLY_PAID,
    /** Paid in full (final). */
    PAID,
    /** Rejected before approval: never posted (final). */
    REJECTED;

    /** Whether a supplier's invoice in this status still has an amount to pay (or to approve and pay). */
    public boolean isOpen() {
        return this == RECEIVED || this == APPROVED || this == PARTIALLY_PAID;
    }
}
