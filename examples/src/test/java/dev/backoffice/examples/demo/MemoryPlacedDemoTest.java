package dev.backoffice.examples.demo;

import dev.backoffice.core.testing.StoreKind;

class MemoryPlacedDemoTest extends PlacedDemoContract {
    MemoryPlacedDemoTest() {
        super(StoreKind.MEMORY);
    }
}
