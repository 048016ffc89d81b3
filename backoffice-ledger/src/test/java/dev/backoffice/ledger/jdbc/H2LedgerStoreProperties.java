package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.LedgerStoreProperties;

class H2LedgerStoreProperties extends LedgerStoreProperties {
    H2LedgerStoreProperties() {
        super(StoreKind.H2);
    }
}
