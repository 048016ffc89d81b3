package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PurchaseCorrectionsContract;

/** Reverse-charge purchases and suppliers' credit notes on POSTGRES. */
@RequiresPostgres
class PostgresPurchaseCorrectionsTest extends PurchaseCorrectionsContract {
    PostgresPurchaseCorrectionsTest() {
        super(StoreKind.POSTGRES);
    }
}
