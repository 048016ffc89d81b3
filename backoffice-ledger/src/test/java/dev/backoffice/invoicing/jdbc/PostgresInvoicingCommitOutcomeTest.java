package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingCommitOutcomeContract;

/** What a failure of an invoicing write means, on PostgreSQL. */
@RequiresPostgres
class PostgresInvoicingCommitOutcomeTest extends InvoicingCommitOutcomeContract { PostgresInvoicingCommitOutcomeTest() { super(StoreKind.POSTGRES); } }
