package dev.backoffice.inventory;

/**
 * What an item's internal stock is and is worth now, and the next FIFO layer number (store SPI).
 *
 * @param quantity  on hand over all internal locations, minor units
 * @param value     its value in minor units of the item's currency
 * @param nextLayer the sequence the next FIFO layer gets
 */
public record ItemCost(long quantity, long value, long nextLayer) {

    /** Nothing on hand, nothing worth. */
    public static final ItemCost ZERO = new ItemCost(0, 0, 1);
}
