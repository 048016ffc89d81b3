package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2LedgerReplicaTest extends LedgerReplicaContract {
    H2LedgerReplicaTest() {
        super(StoreKind.H2);
    }
}
