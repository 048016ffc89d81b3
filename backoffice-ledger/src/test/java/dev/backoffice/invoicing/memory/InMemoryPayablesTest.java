package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PayablesContract;

/** The purchase ledger contract on the in-memory stores. */
class InMemoryPayablesTest extends PayablesContract { InMemoryPayablesTest() { super(StoreKind.MEMORY); } }
