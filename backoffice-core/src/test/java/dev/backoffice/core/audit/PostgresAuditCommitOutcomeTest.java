package dev.backoffice.core.audit;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresAuditCommitOutcomeTest extends JdbcAuditCommitOutcomeContract {
    PostgresAuditCommitOutcomeTest() {
        super(StoreKind.POSTGRES);
    }
}
