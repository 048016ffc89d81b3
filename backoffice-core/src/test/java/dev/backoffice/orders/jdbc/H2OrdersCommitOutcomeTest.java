package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2OrdersCommitOutcomeTest extends OrdersCommitOutcomeContract {
    H2OrdersCommitOutcomeTest() {
        super(StoreKind.H2);
    }
}
