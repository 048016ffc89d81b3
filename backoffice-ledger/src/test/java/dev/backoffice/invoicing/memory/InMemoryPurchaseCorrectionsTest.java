package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PurchaseCorrectionsContract;

/** Reverse-charge purchases and suppliers' credit notes on MEMORY. */
class InMemoryPurchaseCorrectionsTest extends PurchaseCorrectionsContract {
    InMemoryPurchaseCorrectionsTest() {
        super(StoreKind.MEMORY);
    }
}
