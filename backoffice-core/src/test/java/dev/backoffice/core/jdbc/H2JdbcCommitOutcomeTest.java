package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class H2JdbcCommitOutcomeTest extends JdbcCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
