package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.ApCommitOutcomeContract;

/** Commit outcomes of the purchase ledger, credit notes and unallocations on PostgreSQL. */
@RequiresPostgres
class PostgresApCommitOutcomeTest extends ApCommitOutcomeContract { PostgresApCommitOutcomeTest() { super(StoreKind.POSTGRES); } }
