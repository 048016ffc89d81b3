package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.AgingAsOfContract;

/** Aging as of a past date on POSTGRES. */
@RequiresPostgres
class PostgresAgingAsOfTest extends AgingAsOfContract {
    PostgresAgingAsOfTest() {
        super(StoreKind.POSTGRES);
    }
}
