package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.ApCommitOutcomeContract;

/** Commit outcomes of the purchase ledger, credit notes and unallocations on H2. */
class H2ApCommitOutcomeTest extends ApCommitOutcomeContract { H2ApCommitOutcomeTest() { super(StoreKind.H2); } }
