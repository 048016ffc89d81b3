package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingContract;

/** The invoicing contract on PostgreSQL, invoices, ledger and audit on one data source. */
@RequiresPostgres
class PostgresInvoicingTest extends InvoicingContract { PostgresInvoicingTest() { super(StoreKind.POSTGRES); } }
