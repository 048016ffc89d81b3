package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryProperties;

/** Inventory's invariants (jqwik) on the H2 stores, stock and ledger together. */
class H2InventoryProperties extends InventoryProperties { H2InventoryProperties() { super(StoreKind.H2); } }
