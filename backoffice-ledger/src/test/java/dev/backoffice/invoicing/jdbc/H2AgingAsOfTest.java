package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.AgingAsOfContract;

/** Aging as of a past date on H2. */
class H2AgingAsOfTest extends AgingAsOfContract {
    H2AgingAsOfTest() {
        super(StoreKind.H2);
    }
}
