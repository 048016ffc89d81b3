package dev.backoffice.examples.demo;

import dev.backoffice.core.testing.StoreKind;

class H2TenantExportTest extends TenantExportContract {
    H2TenantExportTest() {
        super(StoreKind.H2);
    }
}
