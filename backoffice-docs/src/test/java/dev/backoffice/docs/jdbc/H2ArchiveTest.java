package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.docs.ArchiveContract;

class H2ArchiveTest extends ArchiveContract {
    H2ArchiveTest() {
        super(StoreKind.H2);
    }
}
