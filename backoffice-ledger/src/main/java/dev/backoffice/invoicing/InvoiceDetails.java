package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.util.List;
import java.util.Optional;

/**
 * What ties a document to the others of one sale beyond a correction: a proforma and the invoice
 * it became, an advance invoice (faktura zaliczkowa) and the final invoice that settled it, the
 * advances a final invoice deducts. {@link #NONE} for a plain invoice or credit note.
 *
 * @param fromProforma the proforma an invoice was converted from
 * @param convertedTo  the invoice a proforma was converted into (set once, by the conversion)
 * @param advance      an advance invoice's payment received before the supply (art. 106b ust. 1 pkt 4
 *                     ustawy o VAT); its lines are the order, its totals the advance's
 * @param settledBy    the final invoice that deducted an advance invoice (art. 106f ust. 3; set once)
 * @param deductions   a final invoice's advance invoices, each with the totals it deducts (art. 106f
 *                     ust. 3: their net and VAT are taken off the order's; the final invoice's totals
 *                     are what remains)
 */
public record InvoiceDetails(Optional<InvoiceId> fromProforma, Optional<InvoiceId> convertedTo, Optional<AdvanceReceipt> advance,
                             Optional<InvoiceId> settledBy, List<AdvanceDeduction> deductions) {

    /** No links: a plain invoice or credit note. */
    public static final InvoiceDetails NONE = new InvoiceDetails(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of());

    public InvoiceDetails {
        Check.notNull(fromProforma, "fromProforma");
        Check.notNull(convertedTo, "convertedTo");
        Check.notNull(advance, "advance");
        Check.notNull(settledBy, "settledBy");
        deductions = List.copyOf(Check.notNull(deductions, "deductions"));
    }

    /** These details with {@code invoice} as the invoice a proforma was converted into. */
    public InvoiceDetails withConvertedTo(InvoiceId invoice) {
        return new InvoiceDetails(fromProforma, Optional.of(invoice), advance, settledBy, deductions);
    }

    /** These details with {@code finalInvoice} as the final invoice that settled an advance. */
    public InvoiceDetails withSettledBy(InvoiceId finalInvoice) {
        return new InvoiceDetails(fromProforma, convertedTo, advance, Optional.of(finalInvoice), deductions);
    }

    /** The details of an invoice converted from {@code proforma}. */
    public static InvoiceDetails fromProforma(InvoiceId proforma) {
        return new InvoiceDetails(Optional.of(proforma), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The details of an advance invoice documenting {@code receipt}. */
    public static InvoiceDetails advance(AdvanceReceipt receipt) {
        return new InvoiceDetails(Optional.empty(), Optional.empty(), Optional.of(receipt), Optional.empty(), List.of());
    }

    /** The details of a final invoice deducting {@code deductions}. */
    public static InvoiceDetails finalInvoice(List<AdvanceDeduction> deductions) {
        return new InvoiceDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), deductions);
    }
}
