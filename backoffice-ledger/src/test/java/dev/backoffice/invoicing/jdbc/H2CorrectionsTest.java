package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.CorrectionsContract;

/** Partial credit notes and unallocations on H2. */
class H2CorrectionsTest extends CorrectionsContract { H2CorrectionsTest() { super(StoreKind.H2); } }
