package dev.backoffice.core.audit;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

@RequiresPostgres
class PostgresAuditCommitOutcomeTest extends JdbcAuditCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
