package dev.backoffice.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.docs.retention.PolicyCatalogue;
import dev.backoffice.docs.retention.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public value type round-trips through the shared mapper. */
class DocsJsonTest {

    private final ObjectMapper json = BackofficeJson.mapper();

    private <T> void roundTrip(T value, Class<T> type) throws Exception {
        String text = json.writeValueAsString(value);
        assertThat(json.readValue(text, type)).as(text).isEqualTo(value);
    }

    private static Document document() {
        TreeMap<String, String> meta = new TreeMap<>();
        meta.put("dept", "hr");
        DocumentVersion v = new DocumentVersion(1, ContentHash.of("ab".repeat(32)), 10, "application/pdf", Optional.of("a.pdf"),
                Instant.parse("2026-01-01T10:00:00Z"), "clerk");
        return new Document(DocumentId.newId(), DocumentClass.of("invoice"), "FV/1", "application/pdf",
                List.of(OwnerRef.employee("E-1"), OwnerRef.invoice("FV:1")), meta, Instant.parse("2026-01-01T10:00:00Z"), List.of(v),
                Lifecycle.ACTIVE, Optional.of(LocalDate.of(2026, 1, 1)), Optional.of(LocalDate.of(2031, 1, 1)), Optional.empty());
    }

    @Test
    void documents_round_trip() throws Exception {
        roundTrip(document(), Document.class);
    }

    @Test
    void a_document_with_an_extension_round_trips() throws Exception {
        roundTrip(document().withExtension(Optional.of(LocalDate.of(2035, 6, 30))), Document.class);
    }

    @Test
    void a_document_written_without_an_extension_field_reads_as_never_extended() throws Exception {
        Document d = document();
        String text = json.writeValueAsString(d).replace(",\"extendedUntil\":null", "");
        assertThat(text).doesNotContain("extendedUntil");
        assertThat(json.readValue(text, Document.class).extendedUntil()).isEmpty();
    }

    @Test
    void policies_and_catalogue_entries_round_trip() throws Exception {
        for (var e : PolicyCatalogue.standard().entries()) {
            roundTrip(e.policy(), RetentionPolicy.class);
            roundTrip(e, dev.backoffice.docs.retention.CatalogueEntry.class);
        }
    }

    @Test
    void holds_round_trip() throws Exception {
        LegalHold h = new LegalHold(HoldId.newId(), "Case 1", "lawsuit",
                new HoldScope(List.of(DocumentId.newId()), Optional.of(OwnerRef.employee("E")),
                        Optional.of(DocumentQuery.builder().documentClass(DocumentClass.of("memo")).metadata("k", "v").build())),
                Instant.parse("2026-01-01T00:00:00Z"), "legal", Optional.empty(), Optional.empty());
        roundTrip(h, LegalHold.class);
        roundTrip(h.released(Instant.parse("2026-02-01T00:00:00Z"), "legal"), LegalHold.class);
    }

    @Test
    void reports_round_trip() throws Exception {
        DisposalCertificate c = new DisposalCertificate(DocumentId.newId(), DocumentClass.of("memo"), "docs.disposed", "Memos", "internal",
                Optional.of(LocalDate.of(2027, 1, 1)), LocalDate.of(2027, 2, 1), "job", "", List.of(ContentHash.of("cd".repeat(32))), 7,
                Instant.parse("2027-02-01T00:00:00Z"));
        roundTrip(new DispositionReport(LocalDate.of(2027, 2, 1), List.of(c), List.of(), List.of(), List.of(DocumentId.newId()), 1),
                DispositionReport.class);
        roundTrip(new ErasureReport(OwnerRef.person("P-1"), LocalDate.of(2027, 2, 1), List.of(
                new ErasureReport.Item(DocumentId.newId(), DocumentClass.of("memo"), ErasureReport.Outcome.KEPT, "hold"))), ErasureReport.class);
    }
}
