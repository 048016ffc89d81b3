package dev.backoffice.core.store.move;

import dev.backoffice.core.testing.StoreKind;

class H2TenantFenceTest extends TenantFenceContract {
    H2TenantFenceTest() {
        super(StoreKind.H2);
    }
}
