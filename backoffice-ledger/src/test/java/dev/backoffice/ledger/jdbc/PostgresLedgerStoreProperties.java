package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerStoreProperties;

/** The ledger invariants (jqwik) on the JDBC store over PostgreSQL. */
@RequiresPostgres
class PostgresLedgerStoreProperties extends LedgerStoreProperties {

    private static TestDatabase db;
    private static JdbcLedgerStore store;

    @Override
    protected synchronized LedgerStore store() {
        if (store == null) {
            db = TestDatabases.postgres();
            store = JdbcLedgerStore.create(db.dataSource());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                store.close();
                db.close();
            }));
        }
        return store;
    }
}
