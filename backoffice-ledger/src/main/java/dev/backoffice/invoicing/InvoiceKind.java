package dev.backoffice.invoicing;

/** What kind of document an {@link Invoice} is. */
public enum InvoiceKind {
    /** A VAT invoice (faktura). */
    INVOICE,
    /** A credit note (faktura korygujaca): corrects an issued invoice; its totals are the change. */
    CREDIT_NOTE
}
