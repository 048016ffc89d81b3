package dev.backoffice.invoicing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies a payment (unique within a tenant). Generated ids are time-ordered UUIDv7; callers may
 * supply their own, which makes a retried command idempotent.
 *
 * @param value the UUID
 */
public record PaymentId(UUID value) implements Comparable<PaymentId> {
    public PaymentId {
        Ids.require(value, "paymentId");
    }

    /** A fresh time-ordered id. */
    public static PaymentId newId() {
        return new PaymentId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static PaymentId of(UUID value) {
        return new PaymentId(value);
    }

    /** Parses the canonical text form. */
    public static PaymentId parse(String text) {
        return new PaymentId(Ids.parse(text, "paymentId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(PaymentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
