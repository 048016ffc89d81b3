package dev.backoffice.orders;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.time.Instant;

/**
 * Money given back. Refunds never add up to more than was paid.
 *
 * @param seq    1, 2, 3...
 * @param amount positive, in the order's currency
 * @param reason why (a cancellation refunds everything paid with reason {@code cancellation})
 * @param at     when it was recorded
 */
public record Refund(int seq, Money amount, String reason, Instant at) {
    public Refund {
        Check.that(seq > 0, "seq", "must be positive", seq);
        Check.notNull(amount, "amount");
        Check.text(reason, "reason", AuditEvent.MAX_REASON_LENGTH);
        Check.notNull(at, "at");
    }
}
