package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.CorrectionsContract;

/** Partial credit notes and unallocations on Postgres. */
@RequiresPostgres
class PostgresCorrectionsTest extends CorrectionsContract { PostgresCorrectionsTest() { super(StoreKind.POSTGRES); } }
