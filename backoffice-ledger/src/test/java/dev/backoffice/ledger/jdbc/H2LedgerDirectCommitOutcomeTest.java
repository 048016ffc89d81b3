package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

/** What a failure of a ledger write means, on H2, group commit false. */
class H2LedgerDirectCommitOutcomeTest extends LedgerCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected boolean groupCommit() {
        return false;
    }
}
