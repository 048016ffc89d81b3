package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresArchiveCommitOutcomeTest extends ArchiveCommitOutcomeContract {
    PostgresArchiveCommitOutcomeTest() {
        super(StoreKind.POSTGRES);
    }
}
