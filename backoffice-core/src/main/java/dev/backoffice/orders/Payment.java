package dev.backoffice.orders;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.Instant;

/**
 * Money received for an order. Partial payments are allowed; their sum never exceeds the total.
 *
 * @param seq       1, 2, 3... in the order of receipt
 * @param amount    the amount received, positive, in the order's currency
 * @param reference the payment provider's reference (1-200 characters), e.g. a PSP transaction id
 * @param at        when it was recorded
 */
public record Payment(int seq, Money amount, String reference, Instant at) {
    public Payment {
        Check.that(seq > 0, "seq", "must be positive", seq);
        Check.notNull(amount, "amount");
        Check.text(reference, "reference", OrderLimits.MAX_PAYMENT_REFERENCE_LENGTH);
        Check.notNull(at, "at");
    }
}
