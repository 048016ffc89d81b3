/**
 * Inventory as a stock ledger: items in units of measure, locations (warehouses and bins, and the
 * virtual supplier, customer, loss and opening-balance locations), stock operations that move a
 * quantity from one location to another (per item the sum over all locations is always zero),
 * reservations with expiry that are shipped or released, FIFO or moving-average costing, and
 * postings to the general ledger in the same transaction when the stores share a data source.
 * The front door is {@link dev.backoffice.inventory.Inventory}.
 */
package dev.backoffice.inventory;
