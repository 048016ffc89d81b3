package dev.backoffice.orders.memory;

import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.OrderStoreContract;

class InMemoryOrderStoreTest extends OrderStoreContract {
    @Override
    protected OrderStore newStore() {
        return new InMemoryOrderStore();
    }
}
