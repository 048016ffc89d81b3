package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsContract;

/** Proformas, advance and final invoices, split payment on PostgreSQL. */
@RequiresPostgres
class PostgresPrepaymentsTest extends PrepaymentsContract {
    PostgresPrepaymentsTest() {
        super(StoreKind.POSTGRES);
    }
}
