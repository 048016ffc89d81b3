package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.AgingAsOfContract;

/** Aging as of a past date on MEMORY. */
class InMemoryAgingAsOfTest extends AgingAsOfContract {
    InMemoryAgingAsOfTest() {
        super(StoreKind.MEMORY);
    }
}
