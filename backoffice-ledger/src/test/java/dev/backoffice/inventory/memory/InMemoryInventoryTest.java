package dev.backoffice.inventory.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.inventory.InventoryContract;

/** The inventory contract on the in-memory stores. */
class InMemoryInventoryTest extends InventoryContract { InMemoryInventoryTest() { super(StoreKind.MEMORY); } }
