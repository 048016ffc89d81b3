package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2HostTransactionTest extends HostTransactionContract {
    H2HostTransactionTest() {
        super(StoreKind.H2);
    }
}
