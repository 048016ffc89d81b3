package dev.backoffice.core.audit;

import dev.backoffice.core.testing.StoreKind;

class H2AuditCommitOutcomeTest extends JdbcAuditCommitOutcomeContract {
    H2AuditCommitOutcomeTest() {
        super(StoreKind.H2);
    }
}
