package dev.backoffice.examples.move;

import dev.backoffice.core.testing.StoreKind;

class H2StoreFenceTest extends StoreFenceContract {
    H2StoreFenceTest() {
        super(StoreKind.H2);
    }
}
