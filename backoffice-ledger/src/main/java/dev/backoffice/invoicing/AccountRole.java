package dev.backoffice.invoicing;

/** The general-ledger accounts invoicing posts to, by the part they play ({@link AccountMapping}). */
public enum AccountRole {
    /** Trade receivables: debited by an issued invoice, credited by payments allocated to it. */
    RECEIVABLE,
    /** Sales revenue: credited with an invoice's net amount. */
    REVENUE,
    /** Output VAT due to the tax office: credited with an invoice's VAT. */
    VAT_DUE,
    /** The bank account payments arrive on. */
    BANK,
    /** Customer credit (unallocated cash and overpayments), a liability until allocated. */
    CUSTOMER_CREDIT
}
