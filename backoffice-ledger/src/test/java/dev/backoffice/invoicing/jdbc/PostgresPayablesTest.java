package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PayablesContract;

/** The purchase ledger contract on PostgreSQL, everything on one data source. */
@RequiresPostgres
class PostgresPayablesTest extends PayablesContract { PostgresPayablesTest() { super(StoreKind.POSTGRES); } }
