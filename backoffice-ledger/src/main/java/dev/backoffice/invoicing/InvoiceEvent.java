package dev.backoffice.invoicing;

/** What happens to an invoice ({@link InvoiceLifecycle}). */
public enum InvoiceEvent {
    /** The draft gets its number and its ledger entry. */
    ISSUE,
    /** A payment is allocated to it, or a partial credit note settles part of it. */
    PAY,
    /** Its due date passed unpaid (the overdue sweep). */
    MARK_OVERDUE,
    /** A credit note takes it back in full. */
    CANCEL,
    /** A payment's allocation to it is taken back ({@link TenantInvoicing#unallocate}). */
    UNALLOCATE,
    /** A proforma becomes an invoice ({@link TenantInvoicing#convertProforma}); once. */
    CONVERT
}
