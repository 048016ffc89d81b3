package dev.backoffice.inventory;

import java.time.LocalDate;

/**
 * One FIFO layer of an item: what a receipt (or return, or gain) brought in and what of it is
 * left (store SPI). Layers are consumed in sequence order, oldest first.
 *
 * @param sku       the item
 * @param sequence  order of arrival
 * @param date      the date it arrived
 * @param quantity  what is left, minor units
 * @param value     what it is worth, minor units of the item's currency
 */
public record CostLayer(String sku, long sequence, LocalDate date, long quantity, long value) {
}
