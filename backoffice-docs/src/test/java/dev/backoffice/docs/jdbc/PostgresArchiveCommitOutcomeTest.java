package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

@RequiresPostgres
class PostgresArchiveCommitOutcomeTest extends ArchiveCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
