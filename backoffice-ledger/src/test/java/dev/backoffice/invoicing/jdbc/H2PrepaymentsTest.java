package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsContract;

class H2PrepaymentsTest extends PrepaymentsContract {
    H2PrepaymentsTest() {
        super(StoreKind.H2);
    }
}
