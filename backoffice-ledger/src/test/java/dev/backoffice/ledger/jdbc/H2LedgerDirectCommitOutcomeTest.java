package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2LedgerDirectCommitOutcomeTest extends LedgerCommitOutcomeContract {
    H2LedgerDirectCommitOutcomeTest() {
        super(StoreKind.H2, Commit.DIRECT);
    }
}
