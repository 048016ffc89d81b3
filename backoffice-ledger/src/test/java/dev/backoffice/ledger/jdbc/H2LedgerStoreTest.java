package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.LedgerStoreContract;

class H2LedgerStoreTest extends LedgerStoreContract {
    H2LedgerStoreTest() {
        super(StoreKind.H2);
    }
}
