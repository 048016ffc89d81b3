package dev.backoffice.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies an order within its tenant. Generated ids are time-ordered UUIDv7; callers may
 * supply their own (a retried create with the same id is refused as a duplicate instead of
 * creating a second order).
 *
 * @param value the UUID
 */
public record OrderId(UUID value) implements Comparable<OrderId> {
    public OrderId {
        Ids.require(value, "orderId");
    }

    /** A fresh time-ordered id. */
    public static OrderId newId() {
        return new OrderId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    /** Parses a canonical UUID string. */
    @JsonCreator
    public static OrderId parse(String text) {
        return new OrderId(Ids.parse(text, "orderId"));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

    /** Orders ids as the databases order UUIDs: by their 16 bytes, unsigned (so generated ids sort by time). */
    @Override
    public int compareTo(OrderId other) {
        int c = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }
}
