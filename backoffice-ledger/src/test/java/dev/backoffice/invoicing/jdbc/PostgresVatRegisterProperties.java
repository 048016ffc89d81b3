package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.VatRegisterProperties;

/** The VAT register equals the ledger (jqwik) on PostgreSQL. */
@RequiresPostgres
class PostgresVatRegisterProperties extends VatRegisterProperties { PostgresVatRegisterProperties() { super(StoreKind.POSTGRES); } }
