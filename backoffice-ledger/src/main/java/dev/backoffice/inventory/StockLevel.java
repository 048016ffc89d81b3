package dev.backoffice.inventory;

import java.math.BigDecimal;

/**
 * The stock of an item in a location now.
 *
 * @param sku       the item
 * @param location  the location
 * @param onHand    received minus issued
 * @param reserved  held by open reservations
 * @param available on hand minus reserved (available to promise)
 */
public record StockLevel(String sku, String location, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {
}
