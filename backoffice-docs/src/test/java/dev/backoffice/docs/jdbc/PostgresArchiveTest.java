package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.ArchiveContract;
import dev.backoffice.docs.DocumentStore;

@RequiresPostgres
class PostgresArchiveTest extends ArchiveContract {
    private TestDatabase db;

    @Override
    protected DocumentStore newStore() {
        db = TestDatabases.postgres();
        return JdbcDocumentStore.create(db.jdbc());
    }

    @Override
    protected AuditStore newAuditStore(AdjustableClock clock) {
        return JdbcAuditStore.create(db.jdbc(), clock);
    }

    @Override
    protected void closeStore() {
        if (db != null) {
            db.close();
        }
    }
}
