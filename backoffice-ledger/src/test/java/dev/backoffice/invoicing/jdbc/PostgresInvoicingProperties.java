package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingProperties;

/** The sales ledger's invariants (jqwik) on PostgreSQL, invoices and ledger on one data source. */
@RequiresPostgres
class PostgresInvoicingProperties extends InvoicingProperties { PostgresInvoicingProperties() { super(StoreKind.POSTGRES); } }
