package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingProperties;

/** The sales ledger's invariants (jqwik) on H2, invoices and ledger on one data source. */
class H2InvoicingProperties extends InvoicingProperties { H2InvoicingProperties() { super(StoreKind.H2); } }
