-- Inventory: later cost corrections of receipts (landed cost, price corrections; see
-- TenantInventory.correctCost) and the item's operations page by page (TenantInventory.operations).
-- Same SQL on H2 (PostgreSQL mode) and PostgreSQL.

-- The FIFO layer each receipt opened: a correction revalues what of that layer is still on hand.
-- Written with the receipt, read only by a correction holding the item's cost lock.
CREATE TABLE IF NOT EXISTS inventory_receipt_layer (
    tenant_id VARCHAR(64) NOT NULL,
    op_id     UUID        NOT NULL,
    seq       BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, op_id)
);

-- An item's operations (its stock card, TenantInventory.operations): by date, then as recorded.
CREATE INDEX IF NOT EXISTS inventory_operation_by_sku ON inventory_operation (tenant_id, sku, op_date, recorded_at, id);
