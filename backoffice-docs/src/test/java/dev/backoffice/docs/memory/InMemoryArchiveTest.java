package dev.backoffice.docs.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.docs.ArchiveContract;

class InMemoryArchiveTest extends ArchiveContract {
    InMemoryArchiveTest() {
        super(StoreKind.MEMORY);
    }
}
