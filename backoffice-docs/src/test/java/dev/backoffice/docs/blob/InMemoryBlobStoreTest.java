package dev.backoffice.docs.blob;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.ContentHash;

class InMemoryBlobStoreTest extends BlobStoreContract {
    @Override
    BlobStore newStore() {
        return InMemoryBlobStore.create();
    }

    @Override
    void corrupt(TenantId tenant, ContentHash hash) {
        ((InMemoryBlobStore) store).corrupt(tenant, hash);
    }
}
