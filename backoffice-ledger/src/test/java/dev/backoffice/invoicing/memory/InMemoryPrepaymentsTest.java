package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PrepaymentsContract;

class InMemoryPrepaymentsTest extends PrepaymentsContract {
    InMemoryPrepaymentsTest() {
        super(StoreKind.MEMORY);
    }
}
