package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.PayablesContract;

/** The purchase ledger contract on H2 (PostgreSQL mode), everything on one data source. */
class H2PayablesTest extends PayablesContract { H2PayablesTest() { super(StoreKind.H2); } }
