package dev.backoffice.core.jdbc;

import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;

class H2JdbcTest extends JdbcContract {
    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
