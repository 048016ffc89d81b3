package dev.backoffice.examples.demo;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;

@RequiresPostgres
class PostgresPlacedDemoTest extends PlacedDemoContract {
    PostgresPlacedDemoTest() {
        super(StoreKind.POSTGRES);
    }
}
