package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryProperties;

/** Inventory's invariants (jqwik) on the Postgres stores, stock and ledger together. */
@RequiresPostgres
class PostgresInventoryProperties extends InventoryProperties { PostgresInventoryProperties() { super(StoreKind.POSTGRES); } }
