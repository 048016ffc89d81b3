package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2LedgerHostTransactionTest extends LedgerHostTransactionContract {
    H2LedgerHostTransactionTest() {
        super(StoreKind.H2);
    }
}
