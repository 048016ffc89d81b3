package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.orders.OrderStoreContract;

class H2OrderStoreTest extends OrderStoreContract {
    H2OrderStoreTest() {
        super(StoreKind.H2);
    }
}
