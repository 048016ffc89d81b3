package dev.backoffice.invoicing;

/** What happens to a supplier's invoice ({@link PurchaseLifecycle}). */
public enum PurchaseEvent {
    /** Accepted for payment: posted to the ledger. */
    APPROVE,
    /** Refused before approval (a wrong or disputed invoice). */
    REJECT,
    /** A payment to the supplier is allocated to it. */
    PAY
}
