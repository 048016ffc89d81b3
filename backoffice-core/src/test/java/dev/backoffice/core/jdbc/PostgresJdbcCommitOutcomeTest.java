package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

@RequiresPostgres
class PostgresJdbcCommitOutcomeTest extends JdbcCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
