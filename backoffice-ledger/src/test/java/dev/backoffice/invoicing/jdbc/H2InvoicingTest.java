package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingContract;

/** The invoicing contract on H2 (PostgreSQL mode), invoices, ledger and audit on one data source. */
class H2InvoicingTest extends InvoicingContract { H2InvoicingTest() { super(StoreKind.H2); } }
