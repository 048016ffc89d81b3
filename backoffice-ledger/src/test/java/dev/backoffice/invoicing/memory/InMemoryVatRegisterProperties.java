package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.VatRegisterProperties;

/** The VAT register equals the ledger (jqwik) on the in-memory stores. */
class InMemoryVatRegisterProperties extends VatRegisterProperties { InMemoryVatRegisterProperties() { super(StoreKind.MEMORY); } }
