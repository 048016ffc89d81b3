package dev.backoffice.orders.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

@RequiresPostgres
class PostgresOrdersCommitOutcomeTest extends OrdersCommitOutcomeContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
