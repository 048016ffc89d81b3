package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class H2PayrollCommitOutcomeTest extends PayrollCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
