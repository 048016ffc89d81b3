package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresLedgerHostTransactionTest extends LedgerHostTransactionContract {
    PostgresLedgerHostTransactionTest() {
        super(StoreKind.POSTGRES);
    }
}
