package dev.backoffice.docs;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.blob.BlobStatus;
import dev.backoffice.docs.blob.BlobStore;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.docs.retention.RetentionBasis;
import dev.backoffice.docs.retention.RetentionMode;
import dev.backoffice.docs.retention.RetentionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.backoffice.docs.DocsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link DocumentStore} must have, through the {@link Archive} on top of
 * it: run against the in-memory store, H2 and PostgreSQL, one one-line subclass per
 * {@link StoreKind}. The JDBC kinds use a {@code JdbcAuditStore} over the same database, so each
 * certificate commits with its disposal.
 */
public abstract class ArchiveContract {

    protected static final TenantId ACME = TenantId.of("acme");
    protected static final TenantId GLOBEX = TenantId.of("globex");

    private final StoreKind kind;
    private TestDatabase db;

    protected AdjustableClock clock;
    protected DocumentStore store;
    protected BlobStore blobs;
    protected AuditStore audit;
    protected Archive archive;
    protected TenantArchive acme;
    protected TenantArchive globex;

    /** The contract on a store of {@code kind}. */
    protected ArchiveContract(StoreKind kind) {
        this.kind = kind;
    }

    /** The blob store (subclasses may use another). */
    protected BlobStore newBlobStore() {
        return InMemoryBlobStore.create();
    }

    @BeforeEach
    void setUp() {
        clock = DocsFixtures.clock();
        if (kind.jdbc()) {
            db = kind.openDatabase();
            store = JdbcDocumentStore.create(db.jdbc());
            audit = JdbcAuditStore.create(db.jdbc(), clock);
        } else {
            store = InMemoryDocumentStore.create();
            audit = InMemoryAuditStore.create(clock);
        }
        blobs = newBlobStore();
        archive = builder().build();
        acme = archive.forTenant(ACME);
        globex = archive.forTenant(GLOBEX);
        for (RetentionPolicy p : List.of(invoicePolicy(), employeeFilePolicy(), memoPolicy(), ledgerExportPolicy(), draftPolicy())) {
            acme.setPolicy(p, ADMIN);
            globex.setPolicy(p, ADMIN);
        }
    }

    protected Archive.Builder builder() {
        return Archive.builder().store(store).blobs(blobs).audit(audit).clock(clock).zone(ZoneOffset.UTC)
                .maxContentBytes(1024 * 1024)
                .overrideAuthorizer((actor, policy) -> actor.equals(OFFICER) || actor.equals(ADMIN))
                .holdAuthorizer((actor, action) -> actor.startsWith("legal") || actor.equals(OFFICER));
    }

    @AfterEach
    void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    private Document ingest(TenantArchive a, DocumentClass c, String title, String content, OwnerRef... owners) {
        NewDocument.Builder b = doc(c, title);
        for (OwnerRef o : owners) {
            b.owner(o);
        }
        return a.ingest(b.build(), bytes(content));
    }

    private void advanceDays(long days) {
        clock.advance(Duration.ofDays(days));
    }

    private LocalDate today() {
        return acme.today();
    }

    private static void assertCode(Executable call, Class<? extends BackofficeException> type, String code) {
        try {
            call.execute();
        } catch (Throwable t) {
            assertThat(t).isInstanceOf(type);
            assertThat(((BackofficeException) t).code()).isEqualTo(code);
            return;
        }
        throw new AssertionError("expected " + type.getSimpleName() + " " + code);
    }

    private List<AuditRecord> auditOf(TenantId t) {
        AuditLog log = audit.forTenant(t);
        return log.read(1, 100_000);
    }

    private long certificates(TenantId t, DocumentId id) {
        return auditOf(t).stream().filter(r -> r.event().subject().equals("document/" + id))
                .filter(r -> Set.of("docs.disposed", "docs.deleted", "docs.deleted_early", "docs.erased").contains(r.event().action()))
                .count();
    }

    // ------------------------------------------------------------------ ingest and versions

    @Test
    void an_ingested_document_reads_back_with_its_retention_computed_from_creation() {
        Document d = ingest(acme, INVOICE, "FV/2026/01/7", "invoice body", OwnerRef.invoice("FV/2026/01/7"));
        Document read = acme.get(d.id());
        assertThat(read).isEqualTo(d);
        assertThat(read.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(read.triggerDate()).contains(LocalDate.of(2026, 1, 15));
        assertThat(read.retainUntil()).contains(LocalDate.of(2031, 1, 15));
        assertThat(read.versions()).hasSize(1);
        assertThat(read.latest().size()).isEqualTo(12);
    }

    @Test
    void an_event_triggered_retention_is_open_until_the_event_is_recorded() {
        OwnerRef jan = OwnerRef.employee("E-1");
        Document d = ingest(acme, EMPLOYEE_FILE, "Contract", "contract", jan);
        assertThat(d.retainUntil()).isEmpty();
        assertThat(acme.recordEvent(jan, "employment-ended", LocalDate.of(2027, 6, 30), CLERK)).isEqualTo(1);
        assertThat(acme.get(d.id()).retainUntil()).contains(LocalDate.of(2037, 12, 31));
    }

    @Test
    void an_event_recorded_before_ingest_applies_at_ingest() {
        OwnerRef jan = OwnerRef.employee("E-2");
        acme.recordEvent(jan, "employment-ended", LocalDate.of(2025, 3, 31), CLERK);
        Document d = ingest(acme, EMPLOYEE_FILE, "Exit interview", "notes", jan);
        assertThat(d.retainUntil()).contains(LocalDate.of(2035, 12, 31));
    }

    @Test
    void an_event_recorded_again_with_an_earlier_date_never_shortens_retention() {
        OwnerRef jan = OwnerRef.employee("E-3");
        Document d = ingest(acme, EMPLOYEE_FILE, "Contract", "contract", jan);
        acme.recordEvent(jan, "employment-ended", LocalDate.of(2028, 1, 31), CLERK);
        acme.recordEvent(jan, "employment-ended", LocalDate.of(2026, 1, 31), CLERK);
        assertThat(acme.get(d.id()).retainUntil()).contains(LocalDate.of(2038, 12, 31));
    }

    @Test
    void adding_a_version_keeps_every_earlier_version_readable() {
        Document d = ingest(acme, MEMO, "Memo", "v1");
        advanceDays(1);
        Document v2 = acme.addVersion(d.id(), new ByteArrayInputStream(bytes("version two")), "text/plain", Optional.of("memo.txt"), CLERK);
        assertThat(v2.versions()).extracting(DocumentVersion::number).containsExactly(1, 2);
        assertThat(acme.readContent(d.id(), 1)).isEqualTo(bytes("v1"));
        assertThat(acme.readContent(d.id(), 2)).isEqualTo(bytes("version two"));
        assertThat(acme.get(d.id()).retainUntil()).isEqualTo(d.retainUntil());
        assertThat(acme.verify(d.id())).isEqualTo(Map.of(1, BlobStatus.INTACT, 2, BlobStatus.INTACT));
    }

    @Test
    void ingesting_again_with_the_same_id_and_content_is_idempotent() {
        NewDocument nd = doc(INVOICE, "FV/1").build();
        Document first = acme.ingest(nd, bytes("same"));
        Document again = acme.ingest(nd, bytes("same"));
        assertThat(again).isEqualTo(first);
        assertCode(() -> acme.ingest(nd, bytes("other")), ConflictException.class, DocsErrorCode.ALREADY_EXISTS.code());
        assertThat(acme.readContent(first.id(), 1)).isEqualTo(bytes("same"));
        assertThat(blobs.exists(ACME, ContentHash.ofDigest(sha("other")))).isFalse();
    }

    private static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes(s));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void an_unknown_class_is_rejected_and_nothing_is_written() {
        assertCode(() -> ingest(acme, DocumentClass.of("unknown"), "X", "content"), InvalidRequestException.class, DocsErrorCode.UNKNOWN_CLASS.code());
        assertThat(acme.search(DocumentQuery.all(), Optional.empty(), 10).items()).isEmpty();
        assertThat(blobs.exists(ACME, ContentHash.ofDigest(sha("content")))).isFalse();
    }

    @Test
    void empty_content_is_rejected() {
        assertCode(() -> ingest(acme, MEMO, "Empty", ""), InvalidRequestException.class, DocsErrorCode.EMPTY_CONTENT.code());
        assertThat(acme.search(DocumentQuery.all(), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void content_over_the_configured_limit_is_rejected_and_nothing_is_written() {
        byte[] big = new byte[1024 * 1024 + 1];
        assertCode(() -> acme.ingest(doc(MEMO, "Big").build(), big), InvalidRequestException.class, DocsErrorCode.CONTENT_TOO_LARGE.code());
        assertThat(acme.search(DocumentQuery.all(), Optional.empty(), 10).items()).isEmpty();
    }

    @Test
    void names_with_path_separators_or_control_characters_are_rejected() {
        assertCode(() -> doc(MEMO, "x").fileName("../../etc/passwd").build(), InvalidRequestException.class, DocsErrorCode.INVALID_NAME.code());
        assertCode(() -> doc(MEMO, "x").fileName("a\\b.pdf").build(), InvalidRequestException.class, DocsErrorCode.INVALID_NAME.code());
        assertCode(() -> doc(MEMO, "title\nforged log line").build(), InvalidRequestException.class, DocsErrorCode.INVALID_NAME.code());
        assertCode(() -> doc(MEMO, "x").fileName("nul\u0000.pdf").build(), InvalidRequestException.class, DocsErrorCode.INVALID_NAME.code());
        assertCode(() -> OwnerRef.of("employee", "E\r1"), InvalidRequestException.class, DocsErrorCode.INVALID_NAME.code());
    }

    @Test
    void a_corrupted_blob_is_reported_and_never_served() {
        Document d = ingest(acme, MEMO, "Memo", "precious content");
        corrupt(ACME, d.latest().contentHash());
        assertCode(() -> acme.readContent(d.id(), 1), ContentCorruptedException.class, DocsErrorCode.CONTENT_CORRUPTED.code());
        assertThat(acme.verify(d.id())).containsEntry(1, BlobStatus.CORRUPTED);
    }

    /** Damages a stored blob (stores with other blob stores override). */
    protected void corrupt(TenantId tenant, ContentHash hash) {
        ((InMemoryBlobStore) blobs).corrupt(tenant, hash);
    }

    // ------------------------------------------------------------------ search

    @Test
    void search_filters_by_class_owner_metadata_and_creation_range_and_pages_by_cursor() {
        OwnerRef e1 = OwnerRef.employee("E-10");
        Instant start = clock.instant();
        List<DocumentId> memosOfE1 = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            memosOfE1.add(acme.ingest(doc(MEMO, "m" + i).owner(e1).metadata("dept", i % 2 == 0 ? "hr" : "it").build(), bytes("m" + i)).id());
            advanceDays(1);
        }
        ingest(acme, INVOICE, "inv", "inv", e1);
        ingest(globex, MEMO, "theirs", "theirs", e1);

        assertThat(acme.search(DocumentQuery.builder().documentClass(MEMO).build(), Optional.empty(), 100).items())
                .extracting(Document::id).containsExactlyElementsOf(memosOfE1);
        assertThat(acme.search(DocumentQuery.builder().owner(e1).build(), Optional.empty(), 100).items()).hasSize(6);
        assertThat(acme.search(DocumentQuery.builder().metadata("dept", "hr").build(), Optional.empty(), 100).items())
                .extracting(Document::id).containsExactly(memosOfE1.get(0), memosOfE1.get(2), memosOfE1.get(4));
        assertThat(acme.search(DocumentQuery.builder().createdBetween(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(3))).build(),
                Optional.empty(), 100).items()).extracting(Document::id).containsExactly(memosOfE1.get(1), memosOfE1.get(2));

        Page<Document> p1 = acme.search(DocumentQuery.builder().documentClass(MEMO).build(), Optional.empty(), 2);
        Page<Document> p2 = acme.search(DocumentQuery.builder().documentClass(MEMO).build(), p1.nextCursor(), 2);
        Page<Document> p3 = acme.search(DocumentQuery.builder().documentClass(MEMO).build(), p2.nextCursor(), 2);
        assertThat(p3.hasNext()).isFalse();
        List<DocumentId> walked = new ArrayList<>();
        for (Page<Document> p : List.of(p1, p2, p3)) {
            p.items().forEach(d -> walked.add(d.id()));
        }
        assertThat(walked).containsExactlyElementsOf(memosOfE1);
    }

    @Test
    void search_filters_by_a_range_of_retention_end_dates() {
        Document memo = ingest(acme, MEMO, "memo", "memo");                        // until 2027-01-15
        Document inv = ingest(acme, INVOICE, "inv", "inv");                        // until 2031-01-15
        ingest(acme, EMPLOYEE_FILE, "ef", "ef", OwnerRef.employee("E"));           // open: never matches
        assertThat(acme.search(DocumentQuery.builder().retainUntilBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1)).build(),
                Optional.empty(), 10).items()).extracting(Document::id).containsExactly(memo.id());
        assertThat(acme.search(DocumentQuery.builder().retainUntilBetween(LocalDate.of(2027, 1, 16), LocalDate.of(2040, 1, 1)).build(),
                Optional.empty(), 10).items()).extracting(Document::id).containsExactly(inv.id());
    }

    @Test
    void the_due_listing_returns_only_expired_active_documents_in_retention_order() {
        Document memo = ingest(acme, MEMO, "memo", "memo");          // until 2027-01-15
        advanceDays(10);
        Document memo2 = ingest(acme, MEMO, "memo2", "memo2");       // until 2027-01-25
        Document inv = ingest(acme, INVOICE, "inv", "inv");          // until 2031
        ingest(acme, EMPLOYEE_FILE, "ef", "ef", OwnerRef.employee("E")); // open
        clock.set(Instant.parse("2027-02-01T00:00:00Z"));
        Page<Document> due = acme.dueForDisposition(today(), Optional.empty(), 1);
        assertThat(due.items()).extracting(Document::id).containsExactly(memo.id());
        Page<Document> next = acme.dueForDisposition(today(), due.nextCursor(), 1);
        assertThat(next.items()).extracting(Document::id).containsExactly(memo2.id());
        assertThat(next.hasNext()).isFalse();
        assertThat(acme.dueForDisposition(LocalDate.of(2027, 1, 16), Optional.empty(), 10).items()).extracting(Document::id)
                .containsExactly(memo.id());
        assertThat(inv.retainUntil()).contains(LocalDate.of(2031, 1, 25));
    }

    // ------------------------------------------------------------------ disposition

    @Test
    void disposition_deletes_what_is_due_with_one_certificate_each_and_purges_the_content() {
        Document memo = ingest(acme, MEMO, "Memo about Jan Kowalski", "memo", OwnerRef.employee("E-5"));
        Document inv = ingest(acme, INVOICE, "inv", "inv");
        clock.set(Instant.parse("2027-01-16T12:00:00Z"));

        DispositionReport report = acme.dispose(today(), "retention-job");

        assertThat(report.disposed()).extracting(DisposalCertificate::documentId).containsExactly(memo.id());
        DisposalCertificate c = report.disposed().get(0);
        assertThat(c.contentHashes()).containsExactly(memo.latest().contentHash());
        assertThat(c.policyName()).isEqualTo("Memos");
        assertThat(c.actor()).isEqualTo("retention-job");
        Document tomb = acme.get(memo.id());
        assertThat(tomb.lifecycle()).isEqualTo(Lifecycle.DISPOSED);
        assertThat(tomb.title()).isEqualTo(Document.DISPOSED_TITLE);
        assertThat(tomb.owners()).isEmpty();
        assertThat(blobs.exists(ACME, memo.latest().contentHash())).isFalse();
        assertThat(acme.get(inv.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(acme.readContent(inv.id(), 1)).isEqualTo(bytes("inv"));

        AuditRecord r = auditOf(ACME).stream().filter(x -> x.event().action().equals("docs.disposed")).findFirst().orElseThrow();
        assertThat(r.sequence()).isEqualTo(c.auditSequence());
        assertThat(r.event().subject()).isEqualTo("document/" + memo.id());
        assertThat(r.event().details()).containsEntry("content_sha256", memo.latest().contentHash().hex())
                .containsEntry("policy", "Memos").containsEntry("retain_until", "2027-01-15");
        assertThat(r.event().toString()).doesNotContain("Kowalski").doesNotContain("E-5");
        assertThat(audit.forTenant(ACME).verify().intact()).isTrue();
        assertCode(() -> acme.readContent(memo.id(), 1), ConflictException.class, DocsErrorCode.WRONG_STATE.code());
    }

    @Test
    void a_second_disposition_run_changes_nothing_and_writes_no_second_certificate() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        acme.dispose(today(), "job");
        long auditSize = audit.forTenant(ACME).size();
        DispositionReport again = acme.dispose(today(), "job");
        assertThat(again.disposed()).isEmpty();
        assertThat(audit.forTenant(ACME).size()).isEqualTo(auditSize);
        assertThat(certificates(ACME, memo.id())).isEqualTo(1);
    }

    @Test
    void a_document_inside_its_retention_is_not_disposed() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        clock.set(Instant.parse("2027-01-15T23:00:00Z"));  // the last day of retention
        assertThat(acme.dispose(today(), "job").disposed()).isEmpty();
        assertThat(acme.get(memo.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void disposition_cannot_be_run_for_a_future_date() {
        ingest(acme, MEMO, "memo", "memo");
        assertCode(() -> acme.dispose(LocalDate.of(2040, 1, 1), ADMIN), InvalidRequestException.class, InvalidRequestException.CODE);
        assertThat(acme.search(DocumentQuery.all(), Optional.empty(), 10).items()).allMatch(d -> d.lifecycle() == Lifecycle.ACTIVE);
    }

    @Test
    void a_legal_hold_keeps_due_documents_until_it_is_released() {
        OwnerRef e = OwnerRef.employee("E-7");
        Document held = ingest(acme, MEMO, "held", "held", e);
        Document free = ingest(acme, MEMO, "free", "free");
        LegalHold hold = acme.placeHold("Kowalski v. ACME", "pending lawsuit", HoldScope.owner(e), "legal@acme");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));

        DispositionReport r = acme.dispose(today(), "job");
        assertThat(r.disposed()).extracting(DisposalCertificate::documentId).containsExactly(free.id());
        assertThat(r.keptUnderHold()).containsExactly(held.id());
        assertThat(acme.holdsOn(held.id())).extracting(LegalHold::id).containsExactly(hold.id());
        assertCode(() -> acme.delete(held.id(), ADMIN, "cleanup"), RuleViolationException.class, DocsErrorCode.UNDER_HOLD.code());
        assertCode(() -> acme.deleteEarly(held.id(), OFFICER, "cleanup"), RuleViolationException.class, DocsErrorCode.UNDER_HOLD.code());

        acme.releaseHold(hold.id(), "legal@acme", "case settled");
        assertThat(acme.dispose(today(), "job").disposed()).extracting(DisposalCertificate::documentId).containsExactly(held.id());
    }

    @Test
    void a_hold_by_query_covers_documents_ingested_after_it_was_placed() {
        acme.placeHold("Tax audit 2026", "audit by the tax office", HoldScope.query(DocumentQuery.builder().documentClass(MEMO).build()), "legal@acme");
        Document later = ingest(acme, MEMO, "later", "later");
        clock.set(Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(acme.dispose(today(), "job").keptUnderHold()).containsExactly(later.id());
        assertThat(acme.get(later.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void a_hold_on_listed_documents_covers_only_those() {
        Document a = ingest(acme, MEMO, "a", "a");
        Document b = ingest(acme, MEMO, "b", "b");
        acme.placeHold("Hold A", "evidence", HoldScope.documents(a.id()), "legal@acme");
        clock.set(Instant.parse("2028-01-01T00:00:00Z"));
        DispositionReport r = acme.dispose(today(), "job");
        assertThat(r.keptUnderHold()).containsExactly(a.id());
        assertThat(r.disposed()).extracting(DisposalCertificate::documentId).containsExactly(b.id());
    }

    @Test
    void content_shared_by_two_documents_survives_the_disposal_of_one() {
        Document memo = ingest(acme, MEMO, "memo", "same bytes");
        Document inv = ingest(acme, INVOICE, "inv", "same bytes");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        acme.dispose(today(), "job");
        assertThat(acme.get(memo.id()).lifecycle()).isEqualTo(Lifecycle.DISPOSED);
        assertThat(acme.readContent(inv.id(), 1)).isEqualTo(bytes("same bytes"));
    }

    @Test
    void the_archive_action_keeps_the_document_as_an_archived_record() {
        Document export = ingest(acme, LEDGER_EXPORT, "GL 2026", "gl");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        DispositionReport r = acme.dispose(today(), "job");
        assertThat(r.archived()).extracting(DisposalCertificate::documentId).containsExactly(export.id());
        assertThat(acme.get(export.id()).lifecycle()).isEqualTo(Lifecycle.ARCHIVED);
        assertThat(acme.readContent(export.id(), 1)).isEqualTo(bytes("gl"));
        assertThat(acme.dispose(today(), "job").archived()).isEmpty();
    }

    @Test
    void the_review_action_queues_documents_for_a_person_to_approve_or_extend() {
        Document d1 = ingest(acme, DRAFT, "d1", "d1");
        Document d2 = ingest(acme, DRAFT, "d2", "d2");
        advanceDays(40);
        DispositionReport r = acme.dispose(today(), "job");
        assertThat(r.queuedForReview()).hasSize(2);
        assertThat(acme.reviewQueue(Optional.empty(), 10).items()).extracting(Document::id).containsExactlyInAnyOrder(d1.id(), d2.id());

        DisposalCertificate c = acme.approveDisposal(d1.id(), OFFICER, "no longer needed");
        assertThat(c.reason()).contains("no longer needed");
        assertThat(acme.get(d1.id()).lifecycle()).isEqualTo(Lifecycle.DISPOSED);

        Document extended = acme.extendRetention(d2.id(), today().plusYears(1), OFFICER, "still in negotiation");
        assertThat(extended.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(acme.reviewQueue(Optional.empty(), 10).items()).isEmpty();
        assertThat(acme.dispose(today(), "job").queuedForReview()).isEmpty();
    }

    @Test
    void two_concurrent_disposition_runs_dispose_of_each_document_exactly_once() throws Exception {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            docs.add(ingest(acme, MEMO, "m" + i, "content " + i));
        }
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        Archive small = builder().dispositionBatchSize(7).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier start = new CyclicBarrier(4);
        List<Future<DispositionReport>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<DispositionReport> run = () -> {
                start.await();
                return small.forTenant(ACME).dispose(LocalDate.of(2027, 6, 1), "job");
            };
            runs.add(pool.submit(run));
        }
        Set<DocumentId> disposed = new HashSet<>();
        int total = 0;
        for (Future<DispositionReport> f : runs) {
            DispositionReport r = f.get(60, TimeUnit.SECONDS);
            total += r.disposed().size();
            r.disposed().forEach(c -> disposed.add(c.documentId()));
        }
        pool.shutdown();
        assertThat(total).isEqualTo(60);
        assertThat(disposed).hasSize(60);
        for (Document d : docs) {
            assertThat(certificates(ACME, d.id())).isEqualTo(1);
        }
        assertThat(audit.forTenant(ACME).verify().intact()).isTrue();
    }

    @Test
    void a_hold_placed_while_a_disposition_runs_protects_everything_not_yet_disposed() throws Exception {
        for (int i = 0; i < 40; i++) {
            ingest(acme, MEMO, "m" + i, "memo " + i);
        }
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        java.util.concurrent.CountDownLatch firstCommitted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holdPlaced = new java.util.concurrent.CountDownLatch(1);
        Archive slow = builder().dispositionBatchSize(5).observer(c -> {
            firstCommitted.countDown();
            try {
                holdPlaced.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<DispositionReport> run = pool.submit(() -> slow.forTenant(ACME).dispose(LocalDate.of(2027, 6, 1), "job"));
        assertThat(firstCommitted.await(30, TimeUnit.SECONDS)).isTrue();
        LegalHold hold = acme.placeHold("Audit", "tax audit announced", HoldScope.query(DocumentQuery.builder().documentClass(MEMO).build()), "legal");
        holdPlaced.countDown();
        DispositionReport r = run.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(r.disposed()).hasSize(5);
        assertThat(r.keptUnderHold()).hasSize(35);
        long holdSeq = auditOf(ACME).stream().filter(x -> x.event().subject().equals("hold/" + hold.id())).findFirst().orElseThrow().sequence();
        assertThat(r.disposed()).allMatch(c -> c.auditSequence() < holdSeq);
        assertThat(acme.search(DocumentQuery.builder().documentClass(MEMO).build(), Optional.empty(), 100).items()).hasSize(35);
    }

    @Test
    void concurrent_ingests_into_one_tenant_all_land() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Document>> fs = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int n = i;
            fs.add(pool.submit(() -> ingest(acme, MEMO, "m" + n, "content " + (n % 10))));
        }
        for (Future<Document> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(acme.search(DocumentQuery.all(), Optional.empty(), 1000).items()).hasSize(80);
    }

    // ------------------------------------------------------------------ retention modes

    @Test
    void compliance_retention_cannot_be_ended_early_even_by_an_authorised_administrator() {
        Document inv = ingest(acme, INVOICE, "inv", "inv");
        assertCode(() -> acme.deleteEarly(inv.id(), ADMIN, "disk space"), RuleViolationException.class, DocsErrorCode.RETENTION_LOCKED.code());
        assertCode(() -> acme.shortenRetention(inv.id(), today().plusDays(1), ADMIN, "mistake"), RuleViolationException.class,
                DocsErrorCode.RETENTION_LOCKED.code());
        assertCode(() -> acme.delete(inv.id(), ADMIN, "cleanup"), RuleViolationException.class, DocsErrorCode.RETENTION_ACTIVE.code());
        assertThat(acme.get(inv.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(acme.readContent(inv.id(), 1)).isEqualTo(bytes("inv"));
    }

    @Test
    void a_compliance_policy_can_be_extended_but_never_shortened_or_weakened() {
        Document inv = ingest(acme, INVOICE, "inv", "inv");
        RetentionPolicy shorter = RetentionPolicy.builder(INVOICE).name("Invoices").years(3).compliance().source("x").build();
        RetentionPolicy governance = RetentionPolicy.builder(INVOICE).name("Invoices").years(5).governance().source("x").build();
        assertCode(() -> acme.setPolicy(shorter, ADMIN, Optional.of("budget")), RuleViolationException.class, DocsErrorCode.RETENTION_LOCKED.code());
        assertCode(() -> acme.setPolicy(governance, ADMIN, Optional.of("budget")), RuleViolationException.class, DocsErrorCode.RETENTION_LOCKED.code());
        assertThat(acme.policy(INVOICE)).contains(invoicePolicy());

        RetentionPolicy longer = RetentionPolicy.builder(INVOICE).name("Invoices").years(7).compliance().source("x").build();
        acme.setPolicy(longer, ADMIN);
        assertThat(acme.get(inv.id()).retainUntil()).contains(LocalDate.of(2033, 1, 15));
    }

    @Test
    void governance_retention_can_be_overridden_only_by_an_authorised_actor_with_a_reason() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        assertCode(() -> acme.deleteEarly(memo.id(), CLERK, "tidy"), RuleViolationException.class, DocsErrorCode.OVERRIDE_NOT_AUTHORISED.code());
        assertThat(acme.get(memo.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);

        DisposalCertificate c = acme.deleteEarly(memo.id(), OFFICER, "sent by mistake, contains another client's data");
        assertThat(c.action()).isEqualTo("docs.deleted_early");
        AuditRecord r = audit.forTenant(ACME).read(c.auditSequence(), 1).get(0);
        assertThat(r.event().actor()).isEqualTo(OFFICER);
        assertThat(r.event().details()).containsEntry("reason", "sent by mistake, contains another client's data");
    }

    @Test
    void governance_retention_can_be_shortened_by_an_authorised_actor_and_is_audited() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        assertCode(() -> acme.shortenRetention(memo.id(), today(), CLERK, "x"), RuleViolationException.class, DocsErrorCode.OVERRIDE_NOT_AUTHORISED.code());
        Document d = acme.shortenRetention(memo.id(), today(), OFFICER, "project closed");
        assertThat(d.retainUntil()).contains(today());
        assertThat(auditOf(ACME)).anyMatch(r -> r.event().action().equals("docs.retention_shortened") && r.event().actor().equals(OFFICER));
        advanceDays(1);
        assertThat(acme.dispose(today(), "job").disposed()).hasSize(1);
    }

    @Test
    void weakening_a_governance_policy_needs_an_authorised_actor_and_recomputes_documents() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        RetentionPolicy shorter = RetentionPolicy.builder(MEMO).name("Memos").period(Period.ofMonths(6)).governance().source("internal").build();
        assertCode(() -> acme.setPolicy(shorter, CLERK, Optional.of("x")), RuleViolationException.class, DocsErrorCode.OVERRIDE_NOT_AUTHORISED.code());
        assertCode(() -> acme.setPolicy(shorter, OFFICER, Optional.empty()), InvalidRequestException.class, InvalidRequestException.CODE);
        acme.setPolicy(shorter, OFFICER, Optional.of("new records schedule"));
        assertThat(acme.get(memo.id()).retainUntil()).contains(LocalDate.of(2026, 7, 15));
        assertThat(auditOf(ACME)).anyMatch(r -> r.event().action().equals("docs.policy_weakened"));
    }

    @Test
    void deleting_before_expiry_is_refused_and_after_expiry_certified() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        assertCode(() -> acme.delete(memo.id(), ADMIN, "tidy"), RuleViolationException.class, DocsErrorCode.RETENTION_ACTIVE.code());
        clock.set(Instant.parse("2027-02-01T00:00:00Z"));
        DisposalCertificate c = acme.delete(memo.id(), CLERK, "tidy");
        assertThat(c.action()).isEqualTo("docs.deleted");
        assertCode(() -> acme.delete(memo.id(), CLERK, "tidy"), ConflictException.class, DocsErrorCode.WRONG_STATE.code());
    }

    // ------------------------------------------------------------------ erasure

    @Test
    void an_erasure_request_deletes_what_may_be_deleted_and_reports_what_is_kept_and_why() {
        OwnerRef subject = OwnerRef.person("P-42");
        Document oldMemo = ingest(acme, MEMO, "old memo", "old memo", subject);
        Document heldMemo = ingest(acme, MEMO, "held memo", "held memo", subject);
        clock.set(Instant.parse("2027-03-01T00:00:00Z"));
        Document invoice = ingest(acme, INVOICE, "invoice", "invoice", subject);
        Document other = ingest(acme, MEMO, "someone else", "someone else", OwnerRef.person("P-43"));
        acme.placeHold("Claim 17", "customer dispute", HoldScope.documents(heldMemo.id()), "legal@acme");

        ErasureReport report = acme.erase(subject, "dpo@acme", "art. 17 request of 2027-02-27");

        assertThat(report.with(ErasureReport.Outcome.ERASED)).extracting(ErasureReport.Item::documentId).containsExactly(oldMemo.id());
        assertThat(report.with(ErasureReport.Outcome.KEPT)).extracting(ErasureReport.Item::documentId)
                .containsExactlyInAnyOrder(heldMemo.id(), invoice.id());
        ErasureReport.Item inv = report.items().stream().filter(i -> i.documentId().equals(invoice.id())).findFirst().orElseThrow();
        assertThat(inv.reason()).contains("Invoices").contains("test: compliance 5y").contains("2032-03-01");
        ErasureReport.Item held = report.items().stream().filter(i -> i.documentId().equals(heldMemo.id())).findFirst().orElseThrow();
        assertThat(held.reason()).contains("Claim 17");
        assertThat(acme.get(oldMemo.id()).lifecycle()).isEqualTo(Lifecycle.DISPOSED);
        assertThat(acme.get(other.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        assertThat(certificates(ACME, oldMemo.id())).isEqualTo(1);
        assertThat(auditOf(ACME)).filteredOn(r -> r.event().action().equals("docs.erasure_request"))
                .allMatch(r -> !r.event().toString().contains("P-42"));
    }

    // ------------------------------------------------------------------ extensions (issue #21 item 1)

    @Test
    void an_extension_to_a_date_not_after_today_is_refused_on_a_document_waiting_for_its_event() {
        Document file = ingest(acme, EMPLOYEE_FILE, "Contract", "contract", OwnerRef.employee("E-21"));
        assertCode(() -> acme.extendRetention(file.id(), today().minusYears(1), OFFICER, "typo"), InvalidRequestException.class,
                InvalidRequestException.CODE);
        assertCode(() -> acme.extendRetention(file.id(), today(), OFFICER, "typo"), InvalidRequestException.class,
                InvalidRequestException.CODE);
        assertThat(acme.get(file.id()).retainUntil()).isEmpty();
        assertThat(acme.get(file.id()).extendedUntil()).isEmpty();
    }

    @Test
    void an_extension_on_a_document_waiting_for_its_event_is_only_a_floor_and_never_makes_it_due() {
        OwnerRef jan = OwnerRef.employee("E-22");
        Document file = ingest(acme, EMPLOYEE_FILE, "Contract", "contract", jan);
        Document extended = acme.extendRetention(file.id(), LocalDate.of(2028, 6, 30), OFFICER, "pending claim");
        assertThat(extended.retainUntil()).isEmpty();
        assertThat(extended.extendedUntil()).contains(LocalDate.of(2028, 6, 30));
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(acme.dispose(today(), "job").disposed()).isEmpty();
        assertThat(acme.get(file.id()).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void the_event_still_starts_the_retention_of_an_extended_document() {
        OwnerRef jan = OwnerRef.employee("E-23");
        Document file = ingest(acme, EMPLOYEE_FILE, "Contract", "contract", jan);
        acme.extendRetention(file.id(), LocalDate.of(2028, 6, 30), OFFICER, "pending claim");
        acme.recordEvent(jan, "employment-ended", LocalDate.of(2027, 3, 31), CLERK);
        assertThat(acme.get(file.id()).retainUntil()).contains(LocalDate.of(2037, 12, 31));
    }

    @Test
    void a_floor_later_than_the_policy_date_is_the_last_day_once_the_event_is_recorded() {
        OwnerRef jan = OwnerRef.employee("E-24");
        Document file = ingest(acme, EMPLOYEE_FILE, "Contract", "contract", jan);
        acme.extendRetention(file.id(), LocalDate.of(2040, 12, 31), OFFICER, "long litigation");
        acme.recordEvent(jan, "employment-ended", LocalDate.of(2026, 3, 31), CLERK);
        Document d = acme.get(file.id());
        assertThat(d.retainUntil()).contains(LocalDate.of(2040, 12, 31));
        assertThat(d.extendedUntil()).contains(LocalDate.of(2040, 12, 31));
    }

    @Test
    void an_extension_is_refused_to_an_actor_the_hold_authoriser_does_not_allow_and_the_attempt_is_audited() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        assertCode(() -> acme.extendRetention(memo.id(), today().plusYears(3), CLERK, "keep"), RuleViolationException.class,
                DocsErrorCode.HOLD_NOT_AUTHORISED.code());
        assertThat(acme.get(memo.id())).isEqualTo(memo);
        assertThat(auditOf(ACME)).anyMatch(r -> r.event().action().equals(DocsErrorCode.HOLD_NOT_AUTHORISED.code())
                && r.event().actor().equals(CLERK) && r.event().subject().equals("document/" + memo.id())
                && "EXTEND_RETENTION".equals(r.event().details().get("attempted")));
    }

    // ------------------------------------------------------------------ policy changes (issue #21 item 2)

    @Test
    void a_longer_governance_policy_keeps_a_later_per_document_extension() {
        Document extendedMemo = ingest(acme, MEMO, "litigation memo", "memo 1");
        Document plainMemo = ingest(acme, MEMO, "memo", "memo 2");
        acme.extendRetention(extendedMemo.id(), LocalDate.of(2031, 1, 15), OFFICER, "litigation");
        acme.setPolicy(RetentionPolicy.builder(MEMO).name("Memos").years(2).governance().source("test: internal").build(), ADMIN);
        assertThat(acme.get(extendedMemo.id()).retainUntil()).contains(LocalDate.of(2031, 1, 15));
        assertThat(acme.get(plainMemo.id()).retainUntil()).contains(LocalDate.of(2028, 1, 15));
    }

    @Test
    void a_policy_date_later_than_the_extension_wins_on_recompute() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        acme.extendRetention(memo.id(), LocalDate.of(2027, 6, 30), OFFICER, "audit");
        acme.setPolicy(RetentionPolicy.builder(MEMO).name("Memos").years(3).governance().source("test: internal").build(), ADMIN);
        Document d = acme.get(memo.id());
        assertThat(d.retainUntil()).contains(LocalDate.of(2029, 1, 15));
        assertThat(d.extendedUntil()).contains(LocalDate.of(2027, 6, 30));
    }

    @Test
    void a_weakened_governance_policy_keeps_a_per_document_extension() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        acme.extendRetention(memo.id(), LocalDate.of(2030, 1, 15), OFFICER, "litigation");
        acme.setPolicy(RetentionPolicy.builder(MEMO).name("Memos").period(Period.ofMonths(6)).governance().source("internal").build(),
                OFFICER, Optional.of("new schedule"));
        assertThat(acme.get(memo.id()).retainUntil()).contains(LocalDate.of(2030, 1, 15));
    }

    @Test
    void a_longer_compliance_policy_keeps_a_later_per_document_extension() {
        Document inv = ingest(acme, INVOICE, "inv", "inv");
        acme.extendRetention(inv.id(), LocalDate.of(2040, 1, 15), OFFICER, "tax dispute");
        acme.setPolicy(RetentionPolicy.builder(INVOICE).name("Invoices").years(7).compliance().source("x").build(), ADMIN);
        assertThat(acme.get(inv.id()).retainUntil()).contains(LocalDate.of(2040, 1, 15));
    }

    // ------------------------------------------------------------------ erasure and basis (issue #21 item 3)

    @Test
    void an_erasure_request_erases_a_document_inside_an_internal_schedule_and_names_the_schedule_it_overrode() {
        OwnerRef subject = OwnerRef.person("P-50");
        Document memo = ingest(acme, MEMO, "memo", "memo", subject);
        ErasureReport report = acme.erase(subject, "dpo@acme", "request 7");
        assertThat(report.with(ErasureReport.Outcome.ERASED)).extracting(ErasureReport.Item::documentId).containsExactly(memo.id());
        assertThat(report.items().get(0).reason()).contains("internal schedule 'Memos'").doesNotContain("requires");
        assertThat(acme.get(memo.id()).lifecycle()).isEqualTo(Lifecycle.DISPOSED);
        AuditRecord cert = auditOf(ACME).stream().filter(r -> r.event().action().equals("docs.erased")).findFirst().orElseThrow();
        assertThat(cert.event().actor()).isEqualTo("dpo@acme");
        assertThat(cert.event().details().get("reason")).contains("request 7").contains("overrides internal schedule 'Memos'");
    }

    @Test
    void an_erasure_request_cites_art_17_3_b_only_for_a_policy_that_is_a_legal_obligation() {
        OwnerRef subject = OwnerRef.person("P-51");
        Document inv = ingest(acme, INVOICE, "inv", "inv", subject);
        RetentionPolicy lawInGovernance = RetentionPolicy.builder(MEMO).name("Memos").years(1).governance().legalObligation()
                .source("test: statute in governance mode").build();
        acme.setPolicy(lawInGovernance, ADMIN);
        Document memo = ingest(acme, MEMO, "memo", "memo", subject);
        ErasureReport report = acme.erase(subject, "dpo@acme", "request 8");
        assertThat(report.with(ErasureReport.Outcome.KEPT)).extracting(ErasureReport.Item::documentId)
                .containsExactlyInAnyOrder(inv.id(), memo.id());
        assertThat(report.items()).allMatch(i -> i.reason().contains("legal obligation") && i.reason().contains("17(3)(b)"));
    }

    @Test
    void a_policy_with_no_retention_requirement_lets_a_document_be_deleted_on_its_creation_day() {
        DocumentClass consent = DocumentClass.of("marketing-consent");
        acme.setPolicy(RetentionPolicy.builder(consent).name("Consents").noRequirement().source("no statutory requirement").build(), ADMIN);
        Document d = ingest(acme, consent, "consent", "consent");
        assertThat(d.retainUntil()).contains(today().minusDays(1));
        DisposalCertificate c = acme.delete(d.id(), CLERK, "withdrawn");
        assertThat(c.action()).isEqualTo("docs.deleted");
    }

    @Test
    void an_erasure_request_erases_a_document_with_no_retention_requirement_on_its_creation_day() {
        DocumentClass consent = DocumentClass.of("marketing-consent");
        acme.setPolicy(RetentionPolicy.builder(consent).name("Consents").noRequirement().source("no statutory requirement").build(), ADMIN);
        OwnerRef subject = OwnerRef.person("P-52");
        Document d = ingest(acme, consent, "consent", "consent", subject);
        ErasureReport report = acme.erase(subject, "dpo@acme", "request 9");
        assertThat(report.with(ErasureReport.Outcome.ERASED)).extracting(ErasureReport.Item::documentId).containsExactly(d.id());
        assertThat(report.items().get(0).reason()).contains("no retention requirement");
    }

    @Test
    void replacing_a_legal_obligation_by_an_internal_schedule_is_a_weakening_that_needs_an_override() {
        acme.setPolicy(RetentionPolicy.builder(MEMO).name("Memos").years(1).governance().legalObligation().source("statute").build(), ADMIN);
        RetentionPolicy internal = RetentionPolicy.builder(MEMO).name("Memos").years(1).governance().internalSchedule().source("ours").build();
        assertCode(() -> acme.setPolicy(internal, CLERK, Optional.empty()), RuleViolationException.class, DocsErrorCode.OVERRIDE_NOT_AUTHORISED.code());
        assertThat(acme.policy(MEMO).orElseThrow().basis()).isEqualTo(RetentionBasis.LEGAL_OBLIGATION);
    }

    // ------------------------------------------------------------------ hold authority (issue #21 item 4, #14 item 6)

    @Test
    void placing_a_hold_is_refused_to_an_actor_the_hold_authoriser_does_not_allow_and_the_attempt_is_audited() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        assertCode(() -> acme.placeHold("Rogue", "x", HoldScope.documents(memo.id()), CLERK), RuleViolationException.class,
                DocsErrorCode.HOLD_NOT_AUTHORISED.code());
        assertThat(acme.holds()).isEmpty();
        assertThat(auditOf(ACME)).anyMatch(r -> r.event().action().equals(DocsErrorCode.HOLD_NOT_AUTHORISED.code())
                && r.event().actor().equals(CLERK) && "PLACE_HOLD".equals(r.event().details().get("attempted")));
    }

    @Test
    void releasing_a_hold_is_refused_to_an_actor_the_hold_authoriser_does_not_allow_and_the_attempt_is_audited() {
        Document memo = ingest(acme, MEMO, "memo", "memo");
        LegalHold hold = acme.placeHold("Case", "lawsuit", HoldScope.documents(memo.id()), "legal@acme");
        assertCode(() -> acme.releaseHold(hold.id(), CLERK, "bored"), RuleViolationException.class, DocsErrorCode.HOLD_NOT_AUTHORISED.code());
        assertThat(acme.holdsOn(memo.id())).extracting(LegalHold::id).containsExactly(hold.id());
        assertThat(auditOf(ACME)).anyMatch(r -> r.event().action().equals(DocsErrorCode.HOLD_NOT_AUTHORISED.code())
                && r.event().subject().equals("hold/" + hold.id()) && "RELEASE_HOLD".equals(r.event().details().get("attempted")));
    }

    @Test
    void by_default_nobody_may_place_a_hold() {
        TenantArchive strict = Archive.builder().store(store).blobs(blobs).audit(audit).clock(clock).build().forTenant(ACME);
        assertCode(() -> strict.placeHold("Case", "x", HoldScope.owner(OwnerRef.person("P-1")), ADMIN), RuleViolationException.class,
                DocsErrorCode.HOLD_NOT_AUTHORISED.code());
    }

    @Test
    void a_hold_naming_a_document_that_does_not_exist_in_the_tenant_is_refused() {
        Document theirs = ingest(globex, MEMO, "theirs", "theirs");
        Document mine = ingest(acme, MEMO, "mine", "mine");
        assertCode(() -> acme.placeHold("Case", "x", HoldScope.documents(mine.id(), theirs.id()), "legal@acme"), NotFoundException.class,
                DocsErrorCode.NOT_FOUND.code());
        assertCode(() -> acme.placeHold("Case", "x", HoldScope.documents(DocumentId.newId()), "legal@acme"), NotFoundException.class,
                DocsErrorCode.NOT_FOUND.code());
        assertThat(acme.holds()).isEmpty();
    }

    // ------------------------------------------------------------------ content verification (issue #14 item 6)

    @Test
    void reading_exactly_the_declared_size_of_corrupted_content_fails_before_the_last_byte_is_delivered() throws Exception {
        Document d = ingest(acme, MEMO, "Memo", "precious content");
        corrupt(ACME, d.latest().contentHash());
        try (java.io.InputStream in = acme.openContent(d.id(), 1)) {
            assertCode(() -> readExactly(in, (int) d.latest().size()), ContentCorruptedException.class, DocsErrorCode.CONTENT_CORRUPTED.code());
        }
    }

    /** Reads exactly {@code n} bytes and stops: never asks the stream for more, nor for zero bytes. */
    public static byte[] readExactly(java.io.InputStream in, int n) throws java.io.IOException {
        byte[] buf = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new java.io.EOFException("after " + off + " of " + n + " bytes");
            }
            off += r;
        }
        return buf;
    }

    @Test
    void reading_exactly_the_declared_size_of_intact_content_returns_it() throws Exception {
        Document d = ingest(acme, MEMO, "Memo", "precious content");
        try (java.io.InputStream in = acme.openContent(d.id(), 1)) {
            assertThat(readExactly(in, (int) d.latest().size())).isEqualTo(bytes("precious content"));
        }
    }

    // ------------------------------------------------------------------ tenants

    @Test
    void tenants_are_isolated_through_every_method() {
        OwnerRef shared = OwnerRef.employee("E-1");
        Document mine = ingest(acme, MEMO, "mine", "mine", shared);
        assertThat(globex.find(mine.id())).isEmpty();
        assertCode(() -> globex.get(mine.id()), NotFoundException.class, DocsErrorCode.NOT_FOUND.code());
        assertCode(() -> globex.readContent(mine.id(), 1), NotFoundException.class, DocsErrorCode.NOT_FOUND.code());
        assertCode(() -> globex.delete(mine.id(), ADMIN, "x"), NotFoundException.class, DocsErrorCode.NOT_FOUND.code());
        assertThat(globex.search(DocumentQuery.builder().owner(shared).build(), Optional.empty(), 10).items()).isEmpty();
        assertThat(globex.erase(shared, "dpo", "x").items()).isEmpty();
        globex.placeHold("their hold", "x", HoldScope.owner(shared), "legal@globex");
        assertThat(acme.holdsOn(mine.id())).isEmpty();
        globex.recordEvent(shared, "employment-ended", LocalDate.of(2026, 1, 1), CLERK);
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(globex.dispose(globex.today(), "job").disposed()).isEmpty();
        assertThat(globex.dueForDisposition(globex.today(), Optional.empty(), 10).items()).isEmpty();
        assertThat(acme.dispose(today(), "job").disposed()).hasSize(1);
        assertThat(audit.forTenant(GLOBEX).read(1, 1000)).noneMatch(r -> r.event().subject().contains(mine.id().toString()));
    }
}
