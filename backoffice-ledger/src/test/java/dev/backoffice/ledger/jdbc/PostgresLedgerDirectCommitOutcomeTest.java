package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

/** What a failure of a ledger write means, on Postgres, group commit false. */
@RequiresPostgres
class PostgresLedgerDirectCommitOutcomeTest extends LedgerCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected boolean groupCommit() {
        return false;
    }
}
