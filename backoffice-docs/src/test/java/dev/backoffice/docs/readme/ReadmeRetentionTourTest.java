package dev.backoffice.docs.readme;

import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.DispositionReport;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.ErasureReport;
import dev.backoffice.docs.HoldScope;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.docs.retention.PolicyCatalogue;
import dev.backoffice.docs.retention.RetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention tour of backoffice-docs/README.md, compiled and run; a test checks the guide shows exactly this code. */
class ReadmeRetentionTourTest {

    @TempDir
    Path dir;

    @Test
    void the_retention_tour_runs_as_written() {
        byte[] pdf = "%PDF-1.7 employment contract".getBytes(StandardCharsets.UTF_8);
        byte[] xml = "<Faktura>FV/2026/03/0017</Faktura>".getBytes(StandardCharsets.UTF_8);
        byte[] txt = "memo: parking rota".getBytes(StandardCharsets.UTF_8);

        // --- tour: begin
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T08:00:00Z"));
        Archive archive = Archive.builder()
                .store(InMemoryDocumentStore.create())      // or JdbcDocumentStore.create(jdbc)
                .blobs(FileSystemBlobStore.create(dir))      // SHA-256 keys, temp file + rename + fsync
                .audit(InMemoryAuditStore.create(clock))     // or JdbcAuditStore.create(jdbc, clock)
                .clock(clock)
                .zone(ZoneId.of("Europe/Warsaw"))
                .overrideAuthorizer((actor, policy) -> actor.equals("records-officer"))
                .holdAuthorizer((actor, action) -> actor.equals("legal"))   // holds and extensions
                .build();
        TenantArchive acme = archive.forTenant(TenantId.of("acme"));

        // 1. Policies: cited ones from the catalogue, and an internal governance-mode one.
        acme.setPolicy(PolicyCatalogue.standard().policy("pl.employee-file"), "admin");
        acme.setPolicy(PolicyCatalogue.standard().policy("pl.tax-invoice"), "admin");
        acme.setPolicy(RetentionPolicy.builder(DocumentClass.of("memo")).years(1).governance()
                .internalSchedule()                          // no law requires it: yields to an erasure request
                .source("ACME records schedule 2026, item 12").build(), "admin");

        // 2. Ingest: content streams to the blob store; the retention is computed now.
        OwnerRef jan = OwnerRef.employee("E-1042");
        OwnerRef customer = OwnerRef.person("P-7");
        Document contract = acme.ingest(NewDocument.builder(DocumentClass.of("employee-file"), "Employment contract")
                .mediaType("application/pdf").fileName("umowa.pdf").owner(jan).build(), pdf);
        Document invoice = acme.ingest(NewDocument.builder(DocumentClass.of("invoice"), "FV/2026/03/0017")
                .owner(OwnerRef.invoice("FV/2026/03/0017")).owner(customer).metadata("nip", "5260250995").build(), xml);
        Document memo = acme.ingest(NewDocument.builder(DocumentClass.of("memo"), "Parking rota")
                .owner(customer).build(), txt);
        // invoice.retainUntil() = 2032-12-31 (Ordynacja podatkowa art. 86 § 1 with art. 70 § 1)
        // contract.retainUntil() is empty: the 10 years start when the employment ends

        // 3. A business event starts the employee file's clock: 10 years from the end of 2026.
        acme.recordEvent(jan, "employment-ended", LocalDate.of(2026, 9, 30), "hr");
        // acme.get(contract.id()).retainUntil() = 2036-12-31 (Kodeks pracy art. 94^4 § 1)

        // 4. Compliance mode: nobody can end it early, not even an authorised officer.
        try {
            acme.deleteEarly(invoice.id(), "records-officer", "disk space");
        } catch (RuleViolationException e) {
            // e.code() = "docs.retention_locked"
        }

        // 5. A legal hold freezes everything of Jan's, whatever the policy says.
        LegalHold hold = acme.placeHold("Kowalski v. ACME", "labour court, case IV P 77/26",
                HoldScope.owner(jan), "legal");

        // 6. Years later: disposition. One certificate per document in the hash-chained audit log.
        clock.set(Instant.parse("2037-02-01T08:00:00Z"));
        DispositionReport first = acme.dispose(acme.today(), "retention-job");
        // first.disposed(): the invoice and the memo; first.keptUnderHold(): the contract
        acme.releaseHold(hold.id(), "legal", "judgment final");
        DispositionReport second = acme.dispose(acme.today(), "retention-job");
        // second.disposed(): the contract

        // 7. An erasure request (GDPR art. 17) answers document by document.
        ErasureReport erasure = acme.erase(customer, "dpo", "request of 2037-01-28");
        // everything of P-7's is already disposed: erasure.items() is empty
        // --- tour: end

        assertThat(invoice.retainUntil()).contains(LocalDate.of(2032, 12, 31));
        assertThat(contract.retainUntil()).isEmpty();
        assertThat(memo.retainUntil()).contains(LocalDate.of(2027, 3, 2));
        assertThat(first.disposed()).extracting(c -> c.documentId()).containsExactlyInAnyOrder(invoice.id(), memo.id());
        assertThat(first.keptUnderHold()).containsExactly(contract.id());
        assertThat(second.disposed()).extracting(c -> c.documentId()).containsExactly(contract.id());
        assertThat(acme.get(contract.id()).lifecycle()).isEqualTo(Lifecycle.DISPOSED);
        assertThat(erasure.items()).isEmpty();
    }

    @Test
    void the_compliance_refusal_in_the_tour_is_real() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T08:00:00Z"));
        Archive archive = Archive.builder().store(InMemoryDocumentStore.create()).blobs(FileSystemBlobStore.create(dir))
                .audit(InMemoryAuditStore.create(clock)).clock(clock).overrideAuthorizer((a, p) -> true).build();
        TenantArchive acme = archive.forTenant(TenantId.of("acme"));
        acme.setPolicy(PolicyCatalogue.standard().policy("pl.tax-invoice"), "admin");
        Document invoice = acme.ingest(NewDocument.builder(DocumentClass.of("invoice"), "FV/1").build(), new byte[]{1});
        try {
            acme.deleteEarly(invoice.id(), "records-officer", "disk space");
            throw new AssertionError("compliance retention ended early");
        } catch (RuleViolationException e) {
            assertThat(e.code()).isEqualTo("docs.retention_locked");
        }
    }

    @Test
    void the_guide_shows_the_tour_code() throws java.io.IOException {
        String test = java.nio.file.Files.readString(Path.of("src/test/java/dev/backoffice/docs/readme/ReadmeRetentionTourTest.java"));
        String tour = test.substring(test.indexOf("// --- tour: begin") + "// --- tour: begin".length(),
                test.indexOf("        // --- tour: end"));
        String guide = java.nio.file.Files.readString(Path.of("README.md"));
        assertThat(normalize(guide)).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
