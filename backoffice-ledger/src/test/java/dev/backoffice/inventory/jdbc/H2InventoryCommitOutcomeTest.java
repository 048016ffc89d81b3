package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryCommitOutcomeContract;

/** The inventory commit-outcome contract on H2. */
class H2InventoryCommitOutcomeTest extends InventoryCommitOutcomeContract { H2InventoryCommitOutcomeTest() { super(StoreKind.H2); } }
