package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.CorrectionsContract;

/** Partial credit notes and unallocations on InMemory. */
class InMemoryCorrectionsTest extends CorrectionsContract { InMemoryCorrectionsTest() { super(StoreKind.MEMORY); } }
