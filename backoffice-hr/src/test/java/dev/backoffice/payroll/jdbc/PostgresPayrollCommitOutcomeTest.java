package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

@RequiresPostgres
class PostgresPayrollCommitOutcomeTest extends PayrollCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
