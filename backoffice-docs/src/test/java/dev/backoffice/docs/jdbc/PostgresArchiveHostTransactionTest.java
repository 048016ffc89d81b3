package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresArchiveHostTransactionTest extends ArchiveHostTransactionContract {
    PostgresArchiveHostTransactionTest() {
        super(StoreKind.POSTGRES);
    }
}
