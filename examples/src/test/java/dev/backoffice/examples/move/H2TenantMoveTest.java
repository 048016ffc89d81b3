package dev.backoffice.examples.move;

import dev.backoffice.core.testing.StoreKind;

class H2TenantMoveTest extends TenantMoveContract {
    H2TenantMoveTest() {
        super(StoreKind.H2);
    }
}
