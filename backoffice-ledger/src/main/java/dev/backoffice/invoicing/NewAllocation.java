package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Part of a payment to settle an invoice with.
 *
 * @param invoice the invoice
 * @param amount  how much of the payment goes to it: positive, in the payment's currency, at
 *                most what is open on the invoice
 */
public record NewAllocation(InvoiceId invoice, Money amount) {
    public NewAllocation {
        Check.notNull(invoice, "invoice");
        Check.notNull(amount, "amount");
    }

    /** {@code amount} of a payment to {@code invoice}. */
    public static NewAllocation of(InvoiceId invoice, Money amount) {
        return new NewAllocation(invoice, amount);
    }

    /**
     * Checks allocations of a payment of which {@code amount} is unallocated: at most
     * {@value InvoicingLimits#MAX_ALLOCATIONS}, each positive and in {@code amount}'s currency,
     * one per invoice, together at most {@code amount}; errors name {@code field[i].amount} and the like.
     *
     * @throws dev.backoffice.core.error.BackofficeException {@link InvoicingErrorCode#CURRENCY_MISMATCH},
     *         {@link InvoicingErrorCode#INVALID_AMOUNT}, {@link InvoicingErrorCode#ALLOCATION_EXCEEDS_PAYMENT}
     *         or {@code request.invalid}
     */
    public static void checkAll(List<NewAllocation> allocations, Money amount, String field) {
        Check.that(allocations.size() <= InvoicingLimits.MAX_ALLOCATIONS, field,
                "must hold at most " + InvoicingLimits.MAX_ALLOCATIONS + " allocations", allocations.size());
        Set<InvoiceId> seen = new HashSet<>();
        long total = 0;
        for (int i = 0; i < allocations.size(); i++) {
            String at = field + "[" + i + "]";
            NewAllocation a = Check.notNull(allocations.get(i), at);
            if (!a.amount().getCurrencyUnit().equals(amount.getCurrencyUnit())) {
                throw InvoicingErrorCode.CURRENCY_MISMATCH.exception(at + ".amount", "must be in the payment's currency "
                        + amount.getCurrencyUnit(), a.amount());
            }
            if (!a.amount().isPositive()) {
                throw InvoicingErrorCode.INVALID_AMOUNT.exception(at + ".amount", "must be positive", a.amount());
            }
            Check.that(seen.add(a.invoice()), at + ".invoice", "appears twice: allocate to an invoice once per command", a.invoice());
            total = Math.addExact(total, a.amount().getAmountMinorLong());
        }
        if (total > amount.getAmountMinorLong()) {
            throw InvoicingErrorCode.ALLOCATION_EXCEEDS_PAYMENT.exception(field, "add up to more than the payment's "
                    + amount, Money.ofMinor(amount.getCurrencyUnit(), total));
        }
    }

}
