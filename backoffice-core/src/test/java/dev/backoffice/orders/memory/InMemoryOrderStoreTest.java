package dev.backoffice.orders.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.orders.OrderStoreContract;

class InMemoryOrderStoreTest extends OrderStoreContract {
    InMemoryOrderStoreTest() {
        super(StoreKind.MEMORY);
    }
}
