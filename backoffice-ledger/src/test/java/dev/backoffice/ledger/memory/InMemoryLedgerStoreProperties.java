package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerStoreProperties;

/** The ledger invariants on the in-memory store. */
class InMemoryLedgerStoreProperties extends LedgerStoreProperties {

    private static final InMemoryLedgerStore STORE = InMemoryLedgerStore.create();

    @Override
    protected LedgerStore store() {
        return STORE;
    }
}
