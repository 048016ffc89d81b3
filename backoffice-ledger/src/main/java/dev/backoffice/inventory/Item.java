package dev.backoffice.inventory;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

/**
 * A stock-keeping unit: what is counted, in which unit, how its units are told apart, and how
 * it is valued (in {@code currency}).
 * <pre>{@code
 * Item bolt = Item.of("BOLT-M8", "Bolt M8", Uom.PIECES, Costing.FIFO, EUR);
 * Item flour = Item.of("FLOUR", "Flour", Uom.KILOGRAMS, Costing.MOVING_AVERAGE, EUR).tracked(Tracking.LOT);
 * }</pre>
 *
 * @param sku      the code, unique in the tenant
 * @param name     what it is
 * @param unit     its unit of measure
 * @param tracking none, lot or serial
 * @param costing  FIFO or moving average
 * @param currency the currency its cost is kept in
 */
public record Item(String sku, String name, Uom unit, Tracking tracking, Costing costing, CurrencyUnit currency) {

    public Item {
        Check.text(sku, "sku", InventoryLimits.MAX_SKU_LENGTH);
        Check.text(name, "name", InventoryLimits.MAX_TEXT_LENGTH);
        Check.notNull(unit, "unit");
        Check.notNull(tracking, "tracking");
        Check.notNull(costing, "costing");
        Check.notNull(currency, "currency");
        if (tracking == Tracking.SERIAL && unit.scale() != 0) {
            throw InventoryErrorCode.INVALID_ITEM.invalid("unit.scale", "a serial-tracked item is counted in whole units", unit.scale());
        }
    }

    /** An untracked item. */
    public static Item of(String sku, String name, Uom unit, Costing costing, CurrencyUnit currency) {
        return new Item(sku, name, unit, Tracking.NONE, costing, currency);
    }

    /** This item tracked by lot or serial number. */
    public Item tracked(Tracking how) {
        return new Item(sku, name, unit, how, costing, currency);
    }
}
