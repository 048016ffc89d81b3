package dev.backoffice.ledger.memory;

import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerStoreContract;

/** The contract suite against the in-memory store (one store shared by the tests; each uses its own tenant). */
class InMemoryLedgerStoreTest extends LedgerStoreContract {

    private static final InMemoryLedgerStore STORE = InMemoryLedgerStore.create();

    @Override
    protected LedgerStore newStore() {
        return STORE;
    }
}
