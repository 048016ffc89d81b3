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
    CUSTOMER_CREDIT,
    /** Purchases: the cost account debited with a supplier's invoice's net amount. */
    EXPENSE,
    /** Input VAT to deduct, an asset: debited with a supplier's invoice's VAT. */
    INPUT_VAT,
    /** Trade payables: credited by an approved supplier's invoice, debited by payments to it. */
    PAYABLE,
    /** Supplier advances (paid and not yet allocated to a supplier's invoice), an asset. */
    SUPPLIER_ADVANCE,
    /**
     * Advances received from customers (net of the VAT an advance invoice charged), a liability:
     * credited by an advance invoice instead of revenue, debited by the final invoice that deducts
     * it (art. 106f ust. 3 ustawy o VAT), when the whole order's net becomes revenue.
     */
    ADVANCES_RECEIVED
}
