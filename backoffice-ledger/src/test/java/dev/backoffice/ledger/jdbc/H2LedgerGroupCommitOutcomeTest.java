package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2LedgerGroupCommitOutcomeTest extends LedgerCommitOutcomeContract {
    H2LedgerGroupCommitOutcomeTest() {
        super(StoreKind.H2, Commit.GROUP);
    }
}
