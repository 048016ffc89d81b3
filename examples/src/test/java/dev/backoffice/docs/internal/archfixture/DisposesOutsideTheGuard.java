package dev.backoffice.docs.internal.archfixture;

import dev.backoffice.docs.Document;

import java.time.Instant;

/** Deliberately wrong (test fixture): a removal that does not go through the archive's removal guard. */
public final class DisposesOutsideTheGuard {
    private DisposesOutsideTheGuard() {
    }

    static Document remove(Document d) {
        return d.disposed(Instant.EPOCH);
    }
}
