package dev.backoffice.examples.move;

import dev.backoffice.core.testing.StoreKind;

class H2MovedJournalTest extends MovedJournalContract {
    H2MovedJournalTest() {
        super(StoreKind.H2);
    }
}
