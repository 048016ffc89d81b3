package dev.backoffice.orders;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.util.Optional;

/**
 * One transition of an order, appended to its history by every operation: who did what, when,
 * and why. The chain {@code DRAFT -> ... -> status} is explained entirely by these entries.
 *
 * @param seq    1, 2, 3... in order
 * @param at     when
 * @param actor  who
 * @param event  what happened
 * @param from   the status before
 * @param to     the status after (equal to {@code from} for internal transitions, e.g. a partial payment)
 * @param reason why, if the actor said
 */
public record OrderHistoryEntry(int seq, Instant at, String actor, OrderEvent event, OrderStatus from, OrderStatus to,
                                Optional<String> reason) {
    public OrderHistoryEntry {
        Check.that(seq > 0, "seq", "must be positive", seq);
        Check.notNull(at, "at");
        Check.notBlank(actor, "actor");
        Check.notNull(event, "event");
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.notNull(reason, "reason");
    }
}
