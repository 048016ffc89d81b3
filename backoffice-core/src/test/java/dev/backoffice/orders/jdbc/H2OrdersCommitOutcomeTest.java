package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class H2OrdersCommitOutcomeTest extends OrdersCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
