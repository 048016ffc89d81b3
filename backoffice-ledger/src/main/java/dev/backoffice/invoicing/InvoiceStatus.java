package dev.backoffice.invoicing;

/** Where an invoice is in its lifecycle ({@link InvoiceLifecycle}). */
public enum InvoiceStatus {
    /** Being prepared: no number, nothing in the ledger. */
    DRAFT,
    /** Numbered and posted; nothing paid yet. */
    ISSUED,
    /** Some of it paid. */
    PARTIALLY_PAID,
    /** Past its due date and not paid in full (some of it may be paid). */
    OVERDUE,
    /** Paid in full (final). */
    PAID,
    /** Taken back in full by a credit note (final). */
    CANCELLED,
    /** A proforma converted into an invoice ({@link InvoiceDetails#convertedTo()}); final. */
    CONVERTED;

    /** Whether an invoice in this status still has an amount to collect. */
    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID || this == OVERDUE;
    }
}
