package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * An advance invoice to issue (faktura zaliczkowa, art. 106b ust. 1 pkt 4 ustawy o VAT): a payment
 * {@code received} on {@code receivedOn}, before the supply, of the order {@code order} (its
 * lines are the ordered goods, art. 106f ust. 1 pkt 4; its series, parties, currency and dates
 * are the advance invoice's). The advance invoice's VAT is computed from the gross amount received
 * by art. 106f ust. 1 pkt 3 ({@code VAT = received x rate / (100 + rate)}), split over the
 * order's rates in proportion to their gross values.
 *
 * @param order      the order (its id, if given, is the advance invoice's id)
 * @param received   the gross amount received, positive, in the order's currency
 * @param receivedOn the day it was received: the advance's tax point (art. 19a ust. 8)
 */
public record NewAdvanceInvoice(NewInvoice order, Money received, LocalDate receivedOn) {
    public NewAdvanceInvoice {
        Check.notNull(order, "order");
        Check.notNull(received, "received");
        Check.notNull(receivedOn, "receivedOn");
        if (!received.getCurrencyUnit().equals(order.currency())) {
            throw InvoicingErrorCode.CURRENCY_MISMATCH.exception("received", "must be in the order's currency " + order.currency(), received);
        }
        if (!received.isPositive()) {
            throw InvoicingErrorCode.INVALID_AMOUNT.exception("received", "must be positive", received);
        }
        InvoicingLimits.checkDate(receivedOn, "receivedOn");
    }

    /** The advance invoice of {@code received} on {@code receivedOn} towards {@code order}. */
    public static NewAdvanceInvoice of(NewInvoice order, Money received, LocalDate receivedOn) {
        return new NewAdvanceInvoice(order, received, receivedOn);
    }
}
