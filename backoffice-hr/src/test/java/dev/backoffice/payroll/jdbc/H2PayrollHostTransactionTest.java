package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2PayrollHostTransactionTest extends PayrollHostTransactionContract {
    H2PayrollHostTransactionTest() {
        super(StoreKind.H2);
    }
}
