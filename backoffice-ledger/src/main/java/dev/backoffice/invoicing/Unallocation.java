package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * Takes back (part of) what a payment allocated to an invoice, with a reason: the invoice is
 * open for that much again, the payment's unallocated amount (the customer's credit) grows by it,
 * and the journal entry moves it from customer credit back to the receivable. Recorded as a
 * negative {@link Allocation} of the payment (allocations are append-only), the reason in the
 * audit log and on the journal entry.
 *
 * @param invoice the invoice the payment was allocated to
 * @param amount  how much to take back: positive, in the payment's currency, at most what the
 *                payment has allocated to the invoice
 * @param reason  why, 1..{@value InvoicingLimits#MAX_REASON_LENGTH} characters
 * @param actor   who (audit), 1..{@value InvoicingLimits#MAX_ACTOR_LENGTH} characters
 */
public record Unallocation(InvoiceId invoice, Money amount, String reason, String actor) {
    public Unallocation {
        Check.notNull(invoice, "invoice");
        Check.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw InvoicingErrorCode.INVALID_AMOUNT.exception("amount", "must be positive", amount);
        }
        Check.text(reason, "reason", InvoicingLimits.MAX_REASON_LENGTH);
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
    }

    /** An unallocation. */
    public static Unallocation of(InvoiceId invoice, Money amount, String reason, String actor) {
        return new Unallocation(invoice, amount, reason, actor);
    }
}
