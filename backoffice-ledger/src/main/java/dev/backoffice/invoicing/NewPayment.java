package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A payment received from a customer, with the invoices it settles (none, one or many). What is
 * not allocated stays as the customer's credit, to allocate later
 * ({@link TenantInvoicing#allocate}).
 *
 * @param id          the payment's id, or empty to generate one before the first attempt; a
 *                    retried command with the same id returns the stored payment
 * @param payer       the customer key of the invoices it may settle ({@link NewInvoice#customer()})
 * @param amount      the amount received, positive
 * @param receivedOn  the date it arrived (the ledger entry's date)
 * @param reference   the transfer title or another reference, 1..{@value InvoicingLimits#MAX_REFERENCE_LENGTH} characters
 * @param allocations what it settles, at most {@value InvoicingLimits#MAX_ALLOCATIONS}, one per
 *                    invoice, adding up to at most {@code amount}
 */
public record NewPayment(Optional<PaymentId> id, String payer, Money amount, LocalDate receivedOn, String reference,
                         List<NewAllocation> allocations) {

    public NewPayment {
        Check.notNull(id, "id");
        Check.text(payer, "payer", InvoicingLimits.MAX_CUSTOMER_LENGTH);
        Check.notNull(amount, "amount");
        if (!amount.isPositive()) {
            throw InvoicingErrorCode.INVALID_AMOUNT.exception("amount", "must be positive", amount);
        }
        InvoicingLimits.checkDate(receivedOn, "receivedOn");
        Check.text(reference, "reference", InvoicingLimits.MAX_REFERENCE_LENGTH);
        allocations = List.copyOf(Check.notNull(allocations, "allocations"));
        NewAllocation.checkAll(allocations, amount, "allocations");
    }

    /** A payment of {@code amount} from {@code payer}, with no allocation yet. */
    public static NewPayment of(String payer, Money amount, LocalDate receivedOn, String reference) {
        return new NewPayment(Optional.empty(), payer, amount, receivedOn, reference, List.of());
    }

    /** This payment with the id {@code paymentId}. */
    public NewPayment withId(PaymentId paymentId) {
        return new NewPayment(Optional.of(Check.notNull(paymentId, "id")), payer, amount, receivedOn, reference, allocations);
    }

    /** This payment with {@code more} allocations added. */
    public NewPayment allocate(NewAllocation... more) {
        List<NewAllocation> all = new java.util.ArrayList<>(allocations);
        all.addAll(List.of(Check.notNull(more, "allocations")));
        return new NewPayment(id, payer, amount, receivedOn, reference, all);
    }

    /** This payment with {@code amountToInvoice} allocated to {@code invoice}. */
    public NewPayment allocate(InvoiceId invoice, Money amountToInvoice) {
        return allocate(NewAllocation.of(invoice, amountToInvoice));
    }
}
