package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresPayrollCommitOutcomeTest extends PayrollCommitOutcomeContract {
    PostgresPayrollCommitOutcomeTest() {
        super(StoreKind.POSTGRES);
    }
}
