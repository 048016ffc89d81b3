package dev.backoffice.ledger.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.LedgerStoreProperties;

class InMemoryLedgerStoreProperties extends LedgerStoreProperties {
    InMemoryLedgerStoreProperties() {
        super(StoreKind.MEMORY);
    }
}
