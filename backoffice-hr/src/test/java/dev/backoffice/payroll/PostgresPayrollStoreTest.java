package dev.backoffice.payroll;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

@RequiresPostgres
class PostgresPayrollStoreTest extends H2PayrollStoreTest {
    @Override
    protected TestDatabase open() {
        return TestDatabases.postgres();
    }
}
