package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresHostTransactionProperties extends HostTransactionProperties {
    PostgresHostTransactionProperties() {
        super(StoreKind.POSTGRES);
    }
}
