package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.InvoicingCommitOutcomeContract;

/** What a failure of an invoicing write means, on H2. */
class H2InvoicingCommitOutcomeTest extends InvoicingCommitOutcomeContract { H2InvoicingCommitOutcomeTest() { super(StoreKind.H2); } }
