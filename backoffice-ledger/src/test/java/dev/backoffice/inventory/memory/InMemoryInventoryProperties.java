package dev.backoffice.inventory.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryProperties;

/** Inventory's invariants (jqwik) on the InMemory stores, stock and ledger together. */
class InMemoryInventoryProperties extends InventoryProperties { InMemoryInventoryProperties() { super(StoreKind.MEMORY); } }
