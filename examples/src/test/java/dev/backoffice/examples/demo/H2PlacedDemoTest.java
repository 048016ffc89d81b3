package dev.backoffice.examples.demo;

import dev.backoffice.core.testing.StoreKind;

class H2PlacedDemoTest extends PlacedDemoContract {
    H2PlacedDemoTest() {
        super(StoreKind.H2);
    }
}
