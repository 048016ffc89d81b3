package dev.backoffice.docs;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.util.Optional;

/**
 * A legal hold: while it is active nothing in its scope is deleted, disposed of or erased,
 * whatever its retention policy says.
 *
 * @param id         its id
 * @param name       e.g. "Kowalski v. ACME, case IV P 123/26"
 * @param reason     why
 * @param scope      what it covers
 * @param placedAt   when it was placed
 * @param placedBy   who placed it
 * @param releasedAt when it was released (empty while active)
 * @param releasedBy who released it
 */
public record LegalHold(HoldId id, String name, String reason, HoldScope scope, Instant placedAt, String placedBy,
                        Optional<Instant> releasedAt, Optional<String> releasedBy) {
    public LegalHold {
        Check.notNull(id, "id");
        Names.text(name, "name", DocsLimits.MAX_NAME_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        Check.notNull(scope, "scope");
        Check.notNull(placedAt, "placedAt");
        Names.text(placedBy, "placedBy", DocsLimits.MAX_NAME_LENGTH);
        Check.notNull(releasedAt, "releasedAt");
        Check.notNull(releasedBy, "releasedBy");
    }

    /** Whether it still applies. */
    public boolean active() {
        return releasedAt.isEmpty();
    }

    /** Whether it is active and covers {@code d}. */
    public boolean holds(Document d) {
        return active() && scope.covers(d);
    }

    /** This hold, released. */
    public LegalHold released(Instant at, String by) {
        return new LegalHold(id, name, reason, scope, placedAt, placedBy, Optional.of(at), Optional.of(by));
    }
}
