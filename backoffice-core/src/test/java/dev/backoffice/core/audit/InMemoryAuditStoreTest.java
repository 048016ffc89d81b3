package dev.backoffice.core.audit;

import dev.backoffice.core.testing.StoreKind;

class InMemoryAuditStoreTest extends AuditStoreContract {
    InMemoryAuditStoreTest() {
        super(StoreKind.MEMORY);
    }
}
