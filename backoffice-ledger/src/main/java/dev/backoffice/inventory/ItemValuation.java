package dev.backoffice.inventory;

import org.joda.money.Money;

import java.math.BigDecimal;

/**
 * An item's internal stock and its value at a date.
 *
 * @param sku      the item
 * @param quantity on hand over all internal locations
 * @param value    its cost value
 */
public record ItemValuation(String sku, BigDecimal quantity, Money value) {
}
