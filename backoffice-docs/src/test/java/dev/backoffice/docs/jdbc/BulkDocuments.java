package dev.backoffice.docs.jdbc;

import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.OwnerRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Generates many documents for index tests: one in {@code dueEvery} has a retention that ended before 2026. */
final class BulkDocuments {
    private BulkDocuments() {
    }

    static Document document(int i, int dueEvery, DocumentClass c) {
        Instant created = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 60L);
        LocalDate until = i % dueEvery == 0 ? LocalDate.of(2025, 1, 1).plusDays(i % 300) : LocalDate.of(2030, 1, 1).plusDays(i % 3000);
        String hex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putInt(i).array());
        DocumentVersion v = new DocumentVersion(1, ContentHash.of(hex), 1000, "application/pdf", Optional.empty(), created, "bulk");
        return new Document(DocumentId.newId(), c, "doc " + i, "application/pdf", List.of(OwnerRef.employee("E" + (i % 5000))),
                new TreeMap<>(), created, List.of(v), Lifecycle.ACTIVE, Optional.of(until.minusYears(5)), Optional.of(until), Optional.empty());
    }
}
