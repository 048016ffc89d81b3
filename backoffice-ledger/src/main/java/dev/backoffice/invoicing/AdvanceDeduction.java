package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.List;

/**
 * One advance invoice a final invoice deducts (art. 106f ust. 3 ustawy o VAT: the final invoice
 * names the advance invoices and takes their net and VAT off the order's).
 *
 * @param advance   the advance invoice's id
 * @param number    its number (FA(3) {@code FakturaZaliczkowa/NrFaZaliczkowej})
 * @param issueDate its issue date
 * @param totals    its totals per rate, as deducted
 */
public record AdvanceDeduction(InvoiceId advance, String number, LocalDate issueDate, List<VatTotal> totals) {
    public AdvanceDeduction {
        Check.notNull(advance, "advance");
        Check.notBlank(number, "number");
        Check.notNull(issueDate, "issueDate");
        totals = List.copyOf(Check.notNull(totals, "totals"));
    }
}
