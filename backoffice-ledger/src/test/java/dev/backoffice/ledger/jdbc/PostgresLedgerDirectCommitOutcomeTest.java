package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresLedgerDirectCommitOutcomeTest extends LedgerCommitOutcomeContract {
    PostgresLedgerDirectCommitOutcomeTest() {
        super(StoreKind.POSTGRES, Commit.DIRECT);
    }
}
