package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresOrdersCommitOutcomeTest extends OrdersCommitOutcomeContract {
    PostgresOrdersCommitOutcomeTest() {
        super(StoreKind.POSTGRES);
    }
}
