package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingGroupIssueContract;

class H2InvoicingGroupIssueTest extends InvoicingGroupIssueContract {
    H2InvoicingGroupIssueTest() {
        super(StoreKind.H2);
    }
}
