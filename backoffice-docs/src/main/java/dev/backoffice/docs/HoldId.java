package dev.backoffice.docs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies a legal hold within a tenant. Generated ids are time-ordered (UUIDv7); callers may
 * supply their own.
 *
 * @param value the UUID
 */
public record HoldId(UUID value) implements Comparable<HoldId> {
    public HoldId {
        Ids.require(value, "holdId");
    }

    /** A fresh time-ordered id. */
    public static HoldId newId() {
        return new HoldId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static HoldId of(UUID value) {
        return new HoldId(value);
    }

    /** Parses the canonical text form. */
    public static HoldId parse(String text) {
        return new HoldId(Ids.parse(text, "holdId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(HoldId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
