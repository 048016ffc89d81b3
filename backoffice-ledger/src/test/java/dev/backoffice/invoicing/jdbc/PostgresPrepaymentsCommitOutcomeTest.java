package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsCommitOutcomeContract;

/** Commit outcomes of proformas, advance and final invoices on PostgreSQL. */
@RequiresPostgres
class PostgresPrepaymentsCommitOutcomeTest extends PrepaymentsCommitOutcomeContract {
    PostgresPrepaymentsCommitOutcomeTest() {
        super(StoreKind.POSTGRES);
    }
}
