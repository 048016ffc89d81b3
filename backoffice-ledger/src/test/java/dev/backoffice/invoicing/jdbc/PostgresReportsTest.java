package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.ReportsContract;

/** The reports contract (VAT register, aging, late-payment claims) on Postgres. */
@RequiresPostgres
class PostgresReportsTest extends ReportsContract { PostgresReportsTest() { super(StoreKind.POSTGRES); } }
