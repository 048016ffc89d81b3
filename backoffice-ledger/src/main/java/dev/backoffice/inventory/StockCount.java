package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A counted quantity of an item in a location. Counting freezes nothing: the difference between
 * what was counted and what is on hand when the count is recorded is posted to (a loss) or from (a
 * gain) the loss location.
 *
 * @param id       the operation's identity (default: a fresh one)
 * @param sku      the item (untracked: a tracked item is counted per lot, not supported yet)
 * @param location the internal location counted
 * @param counted  what was found, in the item's unit (zero allowed)
 * @param loss     the loss location the difference goes to or comes from
 * @param date     the effective date (default today)
 */
public record StockCount(Optional<OperationId> id, String sku, String location, BigDecimal counted, String loss,
                         Optional<LocalDate> date) {

    public StockCount {
        Check.notNull(id, "id");
        Check.text(sku, "sku", InventoryLimits.MAX_SKU_LENGTH);
        Check.text(location, "location", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(counted, "counted");
        Check.text(loss, "loss", InventoryLimits.MAX_LOCATION_LENGTH);
        Check.notNull(date, "date");
    }

    /** A count of {@code sku} in {@code location}, differences to or from {@code loss}. */
    public static StockCount of(String sku, String location, BigDecimal counted, String loss) {
        return new StockCount(Optional.empty(), sku, location, counted, loss, Optional.empty());
    }

    /** This count with identity {@code id}. */
    public StockCount withId(OperationId id) {
        return new StockCount(Optional.of(Check.notNull(id, "id")), sku, location, counted, loss, date);
    }

    /** This count dated {@code date}. */
    public StockCount on(LocalDate date) {
        return new StockCount(id, sku, location, counted, loss, Optional.of(Check.notNull(date, "date")));
    }
}
