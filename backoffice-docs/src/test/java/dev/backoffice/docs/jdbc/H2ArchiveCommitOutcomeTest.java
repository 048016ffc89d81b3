package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class H2ArchiveCommitOutcomeTest extends ArchiveCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
