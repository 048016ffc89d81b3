package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.OrderStoreContract;

/** The contract on PostgreSQL, including the concurrency tests with real threads and connections. */
@RequiresPostgres
class PostgresOrderStoreTest extends OrderStoreContract {
    private TestDatabase db;

    @Override
    protected OrderStore newStore() {
        db = TestDatabases.postgres();
        return JdbcOrderStore.create(db.jdbc());
    }

    @Override
    protected void closeStore() {
        if (db != null) {
            db.close();
        }
    }
}
