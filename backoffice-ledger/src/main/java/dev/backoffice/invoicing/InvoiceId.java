package dev.backoffice.invoicing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies an invoice or credit note (unique within a tenant). Generated ids are time-ordered UUIDv7; callers may
 * supply their own, which makes a retried command idempotent.
 *
 * @param value the UUID
 */
public record InvoiceId(UUID value) implements Comparable<InvoiceId> {
    public InvoiceId {
        Ids.require(value, "invoiceId");
    }

    /** A fresh time-ordered id. */
    public static InvoiceId newId() {
        return new InvoiceId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static InvoiceId of(UUID value) {
        return new InvoiceId(value);
    }

    /** Parses the canonical text form. */
    public static InvoiceId parse(String text) {
        return new InvoiceId(Ids.parse(text, "invoiceId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(InvoiceId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
