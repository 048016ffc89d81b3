package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PurchaseCorrectionsContract;

/** Reverse-charge purchases and suppliers' credit notes on H2. */
class H2PurchaseCorrectionsTest extends PurchaseCorrectionsContract {
    H2PurchaseCorrectionsTest() {
        super(StoreKind.H2);
    }
}
