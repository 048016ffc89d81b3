package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.LedgerStoreProperties;

@RequiresPostgres
class PostgresLedgerStoreProperties extends LedgerStoreProperties {
    PostgresLedgerStoreProperties() {
        super(StoreKind.POSTGRES);
    }
}
