package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryCommitOutcomeContract;

/** The inventory commit-outcome contract on PostgreSQL. */
@RequiresPostgres
class PostgresInventoryCommitOutcomeTest extends InventoryCommitOutcomeContract { PostgresInventoryCommitOutcomeTest() { super(StoreKind.POSTGRES); } }
