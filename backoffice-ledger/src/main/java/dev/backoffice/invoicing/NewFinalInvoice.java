package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.util.HashSet;
import java.util.List;

/**
 * The final invoice of an order paid in advance, in part (art. 106f ust. 3 ustawy o VAT; FA(3)
 * {@code ROZ}): it shows the whole order ({@code order}'s lines) and deducts the net and VAT of
 * the advance invoices {@code advances}; its totals, and what it posts as receivable and VAT, are
 * what remains.
 *
 * @param order    the whole order as supplied
 * @param advances the advance invoices it deducts, 1..{@value #MAX_ADVANCES}, each once
 */
public record NewFinalInvoice(NewInvoice order, List<InvoiceId> advances) {

    /** At most this many advance invoices on one final invoice (FA(3) {@code FakturaZaliczkowa} maxOccurs). */
    public static final int MAX_ADVANCES = 100;

    public NewFinalInvoice {
        Check.notNull(order, "order");
        Check.notNull(advances, "advances");
        advances = List.copyOf(advances);
        if (advances.isEmpty() || advances.size() > MAX_ADVANCES) {
            throw InvoicingErrorCode.INVALID_LINES.exception("advances", "must name 1.." + MAX_ADVANCES + " advance invoices", advances.size());
        }
        if (new HashSet<>(advances).size() != advances.size()) {
            throw InvoicingErrorCode.ADVANCE_NOT_DEDUCTIBLE.exception("advances", "names an advance invoice twice", advances);
        }
    }

    /** The final invoice of {@code order} deducting {@code advances}. */
    public static NewFinalInvoice of(NewInvoice order, List<InvoiceId> advances) {
        return new NewFinalInvoice(order, advances);
    }
}
