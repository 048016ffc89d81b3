package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.EntryId;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * Part of a payment settling an invoice, as stored.
 *
 * @param invoice the invoice
 * @param amount  how much of the payment settled it
 * @param date    the date it was allocated (the payment's date for allocations made with it)
 * @param entry   the journal entry that moved it off the receivable
 */
public record Allocation(InvoiceId invoice, Money amount, LocalDate date, EntryId entry) {
    public Allocation {
        Check.notNull(invoice, "invoice");
        Check.notNull(amount, "amount");
        Check.notNull(date, "date");
        Check.notNull(entry, "entry");
    }
}
