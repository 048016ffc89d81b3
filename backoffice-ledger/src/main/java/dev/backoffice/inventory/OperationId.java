package dev.backoffice.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies a operation (unique within a tenant). Generated ids are time-ordered UUIDv7; callers may
 * supply their own, which makes a retried request idempotent.
 *
 * @param value the UUID
 */
public record OperationId(UUID value) implements Comparable<OperationId> {
    public OperationId {
        Ids.require(value, "operationId");
    }

    /** A fresh time-ordered id. */
    public static OperationId newId() {
        return new OperationId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static OperationId of(UUID value) {
        return new OperationId(value);
    }

    /** Parses the canonical text form. */
    public static OperationId parse(String text) {
        return new OperationId(Ids.parse(text, "operationId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(OperationId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
