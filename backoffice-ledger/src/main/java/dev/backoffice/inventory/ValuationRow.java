package dev.backoffice.inventory;

/**
 * The sums a store answers for the valuation report (store SPI).
 *
 * @param sku      the item
 * @param quantity the sum of the quantity deltas of internal stock, minor units
 * @param value    the sum of the value deltas, minor units
 */
public record ValuationRow(String sku, long quantity, long value) {
}
