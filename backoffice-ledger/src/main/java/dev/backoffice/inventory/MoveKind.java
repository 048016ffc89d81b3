package dev.backoffice.inventory;

/** What a stock operation is, which decides the location kinds it may move between and what it posts. */
public enum MoveKind {
    /** From the opening-balance location into stock, at a given cost (Dr inventory, Cr opening balance). */
    OPENING,
    /** From a supplier into stock, at a given cost (Dr inventory, Cr goods received not invoiced). */
    RECEIPT,
    /** From stock to a customer, at cost (Dr cost of goods sold, Cr inventory). */
    SHIPMENT,
    /** From a customer back into stock (Dr inventory, Cr cost of goods sold). */
    RETURN,
    /** Between internal locations: nothing posted. */
    TRANSFER,
    /** Between stock and the loss location, with a reason (loss: Dr loss, Cr inventory; gain the reverse). */
    ADJUSTMENT,
    /** The differences found by a stock count, to or from the loss location. */
    COUNT,
    /**
     * A later correction of a receipt's cost ({@link TenantInventory#correctCost}): moves no
     * quantity; its one line carries the revaluation of what of the receipt is still on hand
     * (Dr inventory, Dr cost of goods sold for the part consumed, Cr goods received not invoiced;
     * the reverse for a reduction). Its reference is the receipt's id.
     */
    COST_CORRECTION
}
