package dev.backoffice.invoicing;

/** What kind of document an {@link Invoice} is. */
public enum InvoiceKind {
    /** A VAT invoice (faktura). */
    INVOICE,
    /** A credit note (faktura korygujaca): corrects an issued invoice; its totals are the change. */
    CREDIT_NOTE,
    /**
     * A proforma (faktura proforma): an offer or a request for payment in the form of an invoice,
     * not a tax document (it is none of the invoices of art. 106b ust. 1 of the Polish VAT Act and
     * carries none of the particulars art. 106e makes a VAT invoice's: no number, no tax point).
     * So it takes no number, posts nothing, is not in the VAT register and has no FA(3) document;
     * it stays in {@link InvoiceStatus#DRAFT} until {@link TenantInvoicing#convertProforma
     * converted} into an invoice, once ({@link InvoiceStatus#CONVERTED}).
     */
    PROFORMA
}
