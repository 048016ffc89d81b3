package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingGroupIssueContract;

@RequiresPostgres
class PostgresInvoicingGroupIssueTest extends InvoicingGroupIssueContract {
    PostgresInvoicingGroupIssueTest() {
        super(StoreKind.POSTGRES);
    }
}
