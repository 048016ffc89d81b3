package dev.backoffice.invoicing.memory;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.ReportsContract;

/** The reports contract (VAT register, aging, late-payment claims) on InMemory. */
class InMemoryReportsTest extends ReportsContract { InMemoryReportsTest() { super(StoreKind.MEMORY); } }
