package dev.backoffice.examples.move;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresStoreFenceTest extends StoreFenceContract {
    PostgresStoreFenceTest() {
        super(StoreKind.POSTGRES);
    }
}
