package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresPayrollHostTransactionTest extends PayrollHostTransactionContract {
    PostgresPayrollHostTransactionTest() {
        super(StoreKind.POSTGRES);
    }
}
