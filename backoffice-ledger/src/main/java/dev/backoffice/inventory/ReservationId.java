package dev.backoffice.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies a reservation (unique within a tenant). Generated ids are time-ordered UUIDv7; callers may
 * supply their own, which makes a retried request idempotent.
 *
 * @param value the UUID
 */
public record ReservationId(UUID value) implements Comparable<ReservationId> {
    public ReservationId {
        Ids.require(value, "reservationId");
    }

    /** A fresh time-ordered id. */
    public static ReservationId newId() {
        return new ReservationId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static ReservationId of(UUID value) {
        return new ReservationId(value);
    }

    /** Parses the canonical text form. */
    public static ReservationId parse(String text) {
        return new ReservationId(Ids.parse(text, "reservationId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(ReservationId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
