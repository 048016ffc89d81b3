package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.orders.OrderStoreContract;

/** The contract on PostgreSQL, including the concurrency tests with real threads and connections. */
@RequiresPostgres
class PostgresOrderStoreTest extends OrderStoreContract {
    PostgresOrderStoreTest() {
        super(StoreKind.POSTGRES);
    }
}
