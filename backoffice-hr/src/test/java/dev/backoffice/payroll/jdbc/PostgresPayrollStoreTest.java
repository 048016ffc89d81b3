package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.payroll.PayrollStoreContract;

@RequiresPostgres
class PostgresPayrollStoreTest extends PayrollStoreContract {
    PostgresPayrollStoreTest() {
        super(StoreKind.POSTGRES);
    }
}
