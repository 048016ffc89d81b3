package dev.backoffice.inventory;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The valuation report as of a date: every item with stock or value, by SKU, and the total per
 * currency (which the general ledger's inventory account of that currency equals, when every
 * operation was posted).
 *
 * @param asOf   the date (operations dated on or before it count)
 * @param items  per item, by SKU (items with neither quantity nor value left out)
 * @param totals per currency
 */
public record Valuation(LocalDate asOf, List<ItemValuation> items, Map<CurrencyUnit, Money> totals) {

    public Valuation {
        items = List.copyOf(items);
        totals = Map.copyOf(totals);
    }
}
