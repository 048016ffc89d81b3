package dev.backoffice.ledger;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies a journal entry (unique within a tenant). Generated ids are time-ordered
 * UUIDv7; callers may supply their own.
 *
 * @param value the UUID
 */
public record EntryId(UUID value) implements Comparable<EntryId> {
    public EntryId {
        Ids.require(value, "entryId");
    }

    /** A fresh time-ordered id. */
    public static EntryId newId() {
        return new EntryId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static EntryId of(UUID value) {
        return new EntryId(value);
    }

    /** Parses the canonical text form. */
    public static EntryId parse(String text) {
        return new EntryId(Ids.parse(text, "entryId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(EntryId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
