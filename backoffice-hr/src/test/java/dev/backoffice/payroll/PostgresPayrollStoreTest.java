package dev.backoffice.payroll;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class PostgresPayrollStoreTest extends H2PayrollStoreTest {
    @Override
    protected TestDatabase open() {
        return TestDatabases.postgres();
    }
}
