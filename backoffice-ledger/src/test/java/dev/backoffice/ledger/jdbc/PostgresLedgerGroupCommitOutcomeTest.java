package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresLedgerGroupCommitOutcomeTest extends LedgerCommitOutcomeContract {
    PostgresLedgerGroupCommitOutcomeTest() {
        super(StoreKind.POSTGRES, Commit.GROUP);
    }
}
