package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.LedgerStoreContract;

@RequiresPostgres
class PostgresLedgerStoreTest extends LedgerStoreContract {
    PostgresLedgerStoreTest() {
        super(StoreKind.POSTGRES);
    }
}
