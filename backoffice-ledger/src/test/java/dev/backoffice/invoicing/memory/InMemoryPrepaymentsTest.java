package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsContract;

/** Proformas, advance and final invoices, split payment on this store. */
class InMemoryPrepaymentsTest extends PrepaymentsContract {
    InMemoryPrepaymentsTest() {
        super(StoreKind.MEMORY);
    }
}
