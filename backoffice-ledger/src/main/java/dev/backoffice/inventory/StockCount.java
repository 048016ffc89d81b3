package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A counted quantity of an item in a location. Counting freezes nothing: the difference between
 * what was counted and what is on hand when the count is recorded is posted to (a loss) or from (a
 * gain) the loss location.
 *
 * <p>A tracked item is counted per lot ({@link #ofLots}): each lot's difference is posted on its
 * own, a lot the books do not know in that location comes in at the item's current cost, and a
 * lot the books hold there that the count does not list was not found (counted zero).
 *
 * @param id       the operation's identity (default: a fresh one)
 * @param sku      the item
 * @param location the internal location counted (a warehouse counts what lies in it, not in its bins)
 * @param counted  what was found, in the item's unit (zero allowed); of a count per lot, the lots' sum
 * @param loss     the loss location the difference goes to or comes from
 * @param date     the effective date (default today)
 * @param lots     per lot (tracked items, required for them), what was found; empty for an untracked item
 */
public record StockCount(Optional<OperationId> id, String sku, String location, BigDecimal counted, String loss,
                         Optional<LocalDate> date, List<CountedLot> lots) {

    public StockCount {
        Check.notNull(id, "id");
        Check.text(sku, "sku", InventoryLimits.MAX_SKU_LENGTH);
        Check.text(location, "location", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(counted, "counted");
        Check.text(loss, "loss", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(date, "date");
        Check.notNull(lots, "lots");
        Check.that(lots.size() <= InventoryLimits.MAX_COUNT_LINES, "lots", "at most " + InventoryLimits.MAX_COUNT_LINES + " lines",
                lots.size());
        for (int i = 0; i < lots.size(); i++) {
            Check.notNull(lots.get(i), "lots[" + i + "]");
        }
        lots = List.copyOf(lots);
    }

    /** A count of untracked {@code sku} in {@code location}, differences to or from {@code loss}. */
    public static StockCount of(String sku, String location, BigDecimal counted, String loss) {
        return new StockCount(Optional.empty(), sku, location, counted, loss, Optional.empty(), List.of());
    }

    /**
     * A count of tracked {@code sku} in {@code location} per lot (serial number), differences to or
     * from {@code loss}: every lot found, with what was found of it; a lot the books hold there and
     * {@code lots} does not list was not found.
     */
    public static StockCount ofLots(String sku, String location, List<CountedLot> lots, String loss) {
        Check.notNull(lots, "lots");
        BigDecimal sum = BigDecimal.ZERO;
        for (CountedLot l : lots) {
            sum = sum.add(Check.notNull(l, "lots[]").counted());
        }
        return new StockCount(Optional.empty(), sku, location, sum, loss, Optional.empty(), lots);
    }

    /** This count with identity {@code id}. */
    public StockCount withId(OperationId id) {
        return new StockCount(Optional.of(Check.notNull(id, "id")), sku, location, counted, loss, date, lots);
    }

    /** This count dated {@code date}. */
    public StockCount on(LocalDate date) {
        return new StockCount(id, sku, location, counted, loss, Optional.of(Check.notNull(date, "date")), lots);
    }
}
