package dev.backoffice.core.audit;

import dev.backoffice.core.testing.StoreKind;

class H2AuditStoreTest extends JdbcAuditStoreContract {
    H2AuditStoreTest() {
        super(StoreKind.H2);
    }
}
