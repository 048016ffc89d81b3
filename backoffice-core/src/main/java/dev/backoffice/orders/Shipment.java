package dev.backoffice.orders;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.util.List;

/**
 * Items handed to the carrier together. Shipments never add up to more than a line's quantity.
 *
 * @param seq   1, 2, 3...
 * @param items what was shipped, one entry per SKU
 * @param at    when it was recorded
 */
public record Shipment(int seq, List<ItemQuantity> items, Instant at) {
    public Shipment {
        Check.that(seq > 0, "seq", "must be positive", seq);
        items = List.copyOf(Check.notEmpty(items, "items"));
        Check.notNull(at, "at");
    }
}
