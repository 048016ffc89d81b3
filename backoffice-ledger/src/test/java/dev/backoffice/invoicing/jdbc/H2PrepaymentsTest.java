package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsContract;

/** Proformas, advance and final invoices, split payment on this store. */
class H2PrepaymentsTest extends PrepaymentsContract {
    H2PrepaymentsTest() {
        super(StoreKind.H2);
    }
}
