package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2ArchiveHostTransactionTest extends ArchiveHostTransactionContract {
    H2ArchiveHostTransactionTest() {
        super(StoreKind.H2);
    }
}
