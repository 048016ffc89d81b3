package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.StoreKind;

class H2ArchiveCommitOutcomeTest extends ArchiveCommitOutcomeContract {
    H2ArchiveCommitOutcomeTest() {
        super(StoreKind.H2);
    }
}
