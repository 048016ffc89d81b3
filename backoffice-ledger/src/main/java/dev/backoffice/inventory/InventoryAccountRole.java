package dev.backoffice.inventory;

/** The general-ledger accounts inventory posts to, by the part they play ({@link InventoryAccounts}). */
public enum InventoryAccountRole {
    /** Inventory (an asset): the value of internal stock. */
    INVENTORY,
    /** Goods received not invoiced (a liability): credited by receipts until the supplier's invoice arrives. */
    GOODS_RECEIVED_NOT_INVOICED,
    /** Cost of goods sold (an expense): debited by shipments, credited by returns. */
    COST_OF_GOODS_SOLD,
    /** Inventory adjustments (an expense): debited by losses, credited by gains. */
    INVENTORY_LOSS,
    /** Opening balance (equity): credited by opening stock. */
    OPENING_BALANCE
}
