package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of a count of a tracked item ({@link StockCount#ofLots}): what was found of a lot (or
 * serial number: zero or one) in the location counted.
 *
 * @param lot     the lot or serial number
 * @param counted what was found, in the item's unit (zero allowed)
 * @param expiry  the lot's expiry date, for a lot the books do not know yet (a known lot keeps its own)
 */
public record CountedLot(String lot, BigDecimal counted, Optional<LocalDate> expiry) {

    public CountedLot {
        Check.text(lot, "lot", InventoryLimits.MAX_TEXT_LENGTH);
        Check.notNull(counted, "counted");
        Check.notNull(expiry, "expiry");
    }

    /** {@code counted} found of lot {@code lot}. */
    public static CountedLot of(String lot, BigDecimal counted) {
        return new CountedLot(lot, counted, Optional.empty());
    }

    /** {@code counted} found of lot {@code lot}, which expires on {@code expiry}. */
    public static CountedLot of(String lot, BigDecimal counted, LocalDate expiry) {
        return new CountedLot(lot, counted, Optional.of(Check.notNull(expiry, "expiry")));
    }
}
