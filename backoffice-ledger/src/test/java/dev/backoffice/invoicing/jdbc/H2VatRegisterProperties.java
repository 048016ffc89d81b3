package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.VatRegisterProperties;

/** The VAT register equals the ledger (jqwik) on H2. */
class H2VatRegisterProperties extends VatRegisterProperties { H2VatRegisterProperties() { super(StoreKind.H2); } }
