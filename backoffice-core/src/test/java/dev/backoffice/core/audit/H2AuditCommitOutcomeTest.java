package dev.backoffice.core.audit;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class H2AuditCommitOutcomeTest extends JdbcAuditCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
