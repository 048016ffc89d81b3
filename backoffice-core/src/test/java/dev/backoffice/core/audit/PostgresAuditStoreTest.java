package dev.backoffice.core.audit;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresAuditStoreTest extends JdbcAuditStoreContract {
    PostgresAuditStoreTest() {
        super(StoreKind.POSTGRES);
    }
}
