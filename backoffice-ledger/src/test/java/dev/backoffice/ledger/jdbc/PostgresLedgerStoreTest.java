package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.LedgerStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;

/** The ledger contract on PostgreSQL, group commit on, audit in the same database. */
@RequiresPostgres
class PostgresLedgerStoreTest extends LedgerStoreContract {

    private static TestDatabase db;
    private static JdbcLedgerStore store;

    @BeforeAll
    static void start() {
        db = TestDatabases.postgres();
        store = JdbcLedgerStore.create(db.dataSource());
    }

    @AfterAll
    static void stop() {
        store.close();
        db.close();
    }

    @Override
    protected LedgerStore newStore() {
        return store;
    }

    @Override
    protected AuditStore newAuditStore(Clock clock) {
        return JdbcAuditStore.create(store.jdbc(), clock);
    }
}
