package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryContract;

/** The inventory contract on H2 (PostgreSQL mode), stock, ledger and audit on one data source. */
class H2InventoryTest extends InventoryContract { H2InventoryTest() { super(StoreKind.H2); } }
