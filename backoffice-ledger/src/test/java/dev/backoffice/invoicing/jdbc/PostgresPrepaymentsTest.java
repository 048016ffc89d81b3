package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsContract;

@RequiresPostgres
class PostgresPrepaymentsTest extends PrepaymentsContract {
    PostgresPrepaymentsTest() {
        super(StoreKind.POSTGRES);
    }
}
