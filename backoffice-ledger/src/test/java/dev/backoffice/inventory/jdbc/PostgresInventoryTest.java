package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryContract;

/** The inventory contract on PostgreSQL, stock, ledger and audit on one data source. */
@RequiresPostgres
class PostgresInventoryTest extends InventoryContract { PostgresInventoryTest() { super(StoreKind.POSTGRES); } }
