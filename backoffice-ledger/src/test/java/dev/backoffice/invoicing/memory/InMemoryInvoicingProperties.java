package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingProperties;

/** The sales ledger's invariants (jqwik) on the in-memory stores. */
class InMemoryInvoicingProperties extends InvoicingProperties { InMemoryInvoicingProperties() { super(StoreKind.MEMORY); } }
