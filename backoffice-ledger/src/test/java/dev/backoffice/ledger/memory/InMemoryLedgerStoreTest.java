package dev.backoffice.ledger.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.LedgerStoreContract;

class InMemoryLedgerStoreTest extends LedgerStoreContract {
    InMemoryLedgerStoreTest() {
        super(StoreKind.MEMORY);
    }
}
