package dev.backoffice.examples.move;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresMovedJournalTest extends MovedJournalContract {
    PostgresMovedJournalTest() {
        super(StoreKind.POSTGRES);
    }
}
