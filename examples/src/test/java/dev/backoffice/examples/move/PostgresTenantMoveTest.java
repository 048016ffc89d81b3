package dev.backoffice.examples.move;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresTenantMoveTest extends TenantMoveContract {
    PostgresTenantMoveTest() {
        super(StoreKind.POSTGRES);
    }
}
