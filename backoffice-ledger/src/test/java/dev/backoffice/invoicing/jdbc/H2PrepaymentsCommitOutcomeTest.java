package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsCommitOutcomeContract;

/** Commit outcomes of proformas, advance and final invoices on H2. */
class H2PrepaymentsCommitOutcomeTest extends PrepaymentsCommitOutcomeContract {
    H2PrepaymentsCommitOutcomeTest() {
        super(StoreKind.H2);
    }
}
