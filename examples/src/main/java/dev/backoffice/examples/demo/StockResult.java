package dev.backoffice.examples.demo;

import dev.backoffice.inventory.StockLevel;
import dev.backoffice.inventory.Valuation;
import org.joda.money.Money;

import java.util.List;

/**
 * The stock of one company at the end of the month, and how it reconciles to the general ledger.
 *
 * @param warehouse          the warehouse
 * @param levels             on hand, reserved and available per item in the warehouse
 * @param valuation          the valuation at the end of the month
 * @param inventoryInLedger  the balance of the inventory account
 * @param cogsInLedger       the month's cost of goods sold (shipments less returns)
 * @param lossesInLedger     the month's inventory losses (stock counts and adjustments)
 */
public record StockResult(String warehouse, List<StockLevel> levels, Valuation valuation, Money inventoryInLedger, Money cogsInLedger,
                          Money lossesInLedger) {

    /** The valuation's total in the ledger's currency. */
    public Money valuationTotal() {
        return valuation.totals().getOrDefault(inventoryInLedger.getCurrencyUnit(), Money.zero(inventoryInLedger.getCurrencyUnit()));
    }

    /** Whether the inventory account equals the valuation. */
    public boolean reconciles() {
        return valuationTotal().isEqual(inventoryInLedger);
    }
}
