package dev.backoffice.payroll;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import org.junit.jupiter.api.AfterEach;

class H2PayrollStoreTest extends PayrollStoreContract {
    private TestDatabase db;

    protected TestDatabase open() {
        return TestDatabases.h2();
    }

    @Override
    protected PayrollStore newStore() {
        db = open();
        return JdbcPayrollStore.create(db.jdbc());
    }

    @Override
    protected AuditStore newAuditStore(AdjustableClock clock) {
        return JdbcAuditStore.create(db.jdbc(), clock);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }
}
