package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.docs.ArchiveContract;

@RequiresPostgres
class PostgresArchiveTest extends ArchiveContract {
    PostgresArchiveTest() {
        super(StoreKind.POSTGRES);
    }
}
