package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingContract;

/** The invoicing contract on the in-memory stores. */
class InMemoryInvoicingTest extends InvoicingContract { InMemoryInvoicingTest() { super(StoreKind.MEMORY); } }
