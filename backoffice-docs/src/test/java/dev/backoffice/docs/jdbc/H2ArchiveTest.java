package dev.backoffice.docs.jdbc;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.ArchiveContract;
import dev.backoffice.docs.DocumentStore;

class H2ArchiveTest extends ArchiveContract {
    private TestDatabase db;

    @Override
    protected DocumentStore newStore() {
        db = TestDatabases.h2();
        return JdbcDocumentStore.create(db.jdbc());
    }

    @Override
    protected AuditStore newAuditStore(AdjustableClock clock) {
        return JdbcAuditStore.create(db.jdbc(), clock);
    }

    @Override
    protected void closeStore() {
        db.close();
    }
}
