package dev.backoffice.core.store.move;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresTenantFenceTest extends TenantFenceContract {
    PostgresTenantFenceTest() {
        super(StoreKind.POSTGRES);
    }
}
