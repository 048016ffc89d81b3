package dev.backoffice.docs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.id.Ids;

import java.util.UUID;

/**
 * Identifies a document within a tenant. Generated ids are time-ordered (UUIDv7); callers may
 * supply their own, which makes a retried ingest idempotent.
 *
 * @param value the UUID
 */
public record DocumentId(UUID value) implements Comparable<DocumentId> {
    public DocumentId {
        Ids.require(value, "documentId");
    }

    /** A fresh time-ordered id. */
    public static DocumentId newId() {
        return new DocumentId(Ids.newId());
    }

    /** The id wrapping {@code value}. */
    @JsonCreator
    public static DocumentId of(UUID value) {
        return new DocumentId(value);
    }

    /** Parses the canonical text form. */
    public static DocumentId parse(String text) {
        return new DocumentId(Ids.parse(text, "documentId"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public int compareTo(DocumentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
