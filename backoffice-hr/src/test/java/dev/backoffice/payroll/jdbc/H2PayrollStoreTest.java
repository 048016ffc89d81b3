package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.payroll.PayrollStoreContract;

class H2PayrollStoreTest extends PayrollStoreContract {
    H2PayrollStoreTest() {
        super(StoreKind.H2);
    }
}
