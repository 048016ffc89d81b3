package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresLedgerReplicaTest extends LedgerReplicaContract {
    PostgresLedgerReplicaTest() {
        super(StoreKind.POSTGRES);
    }
}
