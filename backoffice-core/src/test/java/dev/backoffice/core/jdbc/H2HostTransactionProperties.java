package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2HostTransactionProperties extends HostTransactionProperties {
    H2HostTransactionProperties() {
        super(StoreKind.H2);
    }
}
