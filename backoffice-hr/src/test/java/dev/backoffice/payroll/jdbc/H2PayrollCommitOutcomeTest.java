package dev.backoffice.payroll.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2PayrollCommitOutcomeTest extends PayrollCommitOutcomeContract {
    H2PayrollCommitOutcomeTest() {
        super(StoreKind.H2);
    }
}
