package dev.backoffice.orders;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.util.List;

/**
 * Items the customer sent back. Returns never add up to more than was delivered.
 *
 * @param seq   1, 2, 3...
 * @param items what came back, one entry per SKU
 * @param at    when it was recorded
 */
public record ItemReturn(int seq, List<ItemQuantity> items, Instant at) {
    public ItemReturn {
        Check.that(seq > 0, "seq", "must be positive", seq);
        items = List.copyOf(Check.notEmpty(items, "items"));
        Check.notNull(at, "at");
    }
}
