package dev.backoffice.inventory;

/**
 * The kinds of location (Odoo's model): stock is in internal locations; the virtual ones are the
 * other side of every movement that brings stock in or takes it out, so that per item the sum
 * over all locations is always zero.
 */
public enum LocationKind {
    /** A warehouse, or a bin inside one: real stock, valued. */
    INTERNAL,
    /** Where receipts come from (goods received, not invoiced). */
    SUPPLIER,
    /** Where shipments go to and returns come from (cost of goods sold). */
    CUSTOMER,
    /** Where losses go to and count gains come from (inventory adjustments). */
    LOSS,
    /** Where opening balances come from (equity). */
    OPENING;

    /** Whether stock here is real and valued. */
    public boolean internal() {
        return this == INTERNAL;
    }
}
