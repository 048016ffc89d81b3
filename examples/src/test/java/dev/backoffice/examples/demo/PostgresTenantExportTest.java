package dev.backoffice.examples.demo;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresTenantExportTest extends TenantExportContract {
    PostgresTenantExportTest() {
        super(StoreKind.POSTGRES);
    }
}
