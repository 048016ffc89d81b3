package dev.backoffice.docs.memory;

import dev.backoffice.docs.ArchiveContract;
import dev.backoffice.docs.DocumentStore;

class InMemoryArchiveTest extends ArchiveContract {
    @Override
    protected DocumentStore newStore() {
        return InMemoryDocumentStore.create();
    }
}
