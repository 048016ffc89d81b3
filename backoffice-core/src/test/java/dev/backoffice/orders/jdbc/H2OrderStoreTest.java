package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.OrderStoreContract;

class H2OrderStoreTest extends OrderStoreContract {
    private TestDatabase db;

    @Override
    protected OrderStore newStore() {
        db = TestDatabases.h2();
        return JdbcOrderStore.create(db.jdbc());
    }

    @Override
    protected void closeStore() {
        db.close();
    }
}
