package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.ReportsContract;

/** The reports contract (VAT register, aging, late-payment claims) on H2. */
class H2ReportsTest extends ReportsContract { H2ReportsTest() { super(StoreKind.H2); } }
