package dev.backoffice.ledger;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A posted (immutable) journal entry.
 *
 * @param id             the id
 * @param sequence       the tenant-wide booking order (increasing, may have gaps)
 * @param kind           what it does (standard, hold, post or void of a hold, reversal, closing)
 * @param effectiveDate  the value date
 * @param bookedAt       when it was booked (the ledger's clock)
 * @param description    what happened
 * @param metadata       free facts
 * @param idempotencyKey the caller's key, if any
 * @param lines          the lines; for {@link EntryKind#VOID_PENDING}/{@link EntryKind#EXPIRE_PENDING}
 *                       the released hold's lines, for {@link EntryKind#POST_PENDING} the posted amounts
 * @param pendingId      for post/void/expire: the pending entry resolved
 * @param reverses       for a reversal: the entry it cancels
 * @param expiresAt      for a hold: its expiry, if any
 */
public record JournalEntry(EntryId id, long sequence, EntryKind kind, LocalDate effectiveDate, Instant bookedAt,
                           String description, Map<String, String> metadata, Optional<String> idempotencyKey,
                           List<EntryLine> lines, Optional<EntryId> pendingId, Optional<EntryId> reverses,
                           Optional<Instant> expiresAt) {
    public JournalEntry {
        Check.notNull(id, "id");
        Check.notNull(kind, "kind");
        Check.notNull(effectiveDate, "effectiveDate");
        Check.notNull(bookedAt, "bookedAt");
        Check.notNull(description, "description");
        metadata = Map.copyOf(Check.notNull(metadata, "metadata"));
        Check.notNull(idempotencyKey, "idempotencyKey");
        lines = List.copyOf(Check.notNull(lines, "lines"));
        Check.notNull(pendingId, "pendingId");
        Check.notNull(reverses, "reverses");
        Check.notNull(expiresAt, "expiresAt");
    }

    /** This entry with {@code sequence} (stores assign it when writing). */
    public JournalEntry withSequence(long sequence) {
        return new JournalEntry(id, sequence, kind, effectiveDate, bookedAt, description, metadata, idempotencyKey,
                lines, pendingId, reverses, expiresAt);
    }
}
