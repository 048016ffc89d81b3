package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.DisposalCertificate;
import dev.backoffice.docs.DispositionReport;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.ErasureReport;
import dev.backoffice.docs.HoldId;
import dev.backoffice.docs.HoldScope;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.TenantDocumentStore;
import dev.backoffice.docs.blob.BlobStatus;
import dev.backoffice.docs.retention.RetentionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link TenantArchive}: each write runs with the tenant and the operation
 * ({@code docs.<method>}) in the SLF4J MDC ({@link LogContext}) and goes to the collaborator
 * that does that job. It holds no rule of its own. Log lines name ids, classes, sizes and
 * counts only, never titles, owners, metadata or file names (they may name a person); they are
 * written under the logger {@code dev.backoffice.docs.TenantArchive}.
 */
public final class DefaultTenantArchive implements TenantArchive {

    private static final Logger log = LoggerFactory.getLogger(TenantArchive.class);

    private final TenantContext ctx;
    private final Policies policies;
    private final Documents documents;
    private final Listings listings;
    private final Ingest ingest;
    private final Events events;
    private final Holds holds;
    private final Disposition disposition;
    private final Purger purger;
    private final Deletions deletions;
    private final RetentionChanges retentionChanges;
    private final Erasure erasure;

    private DefaultTenantArchive(TenantContext ctx) {
        this.ctx = ctx;
        Overrides overrides = new Overrides(ctx.settings.overrideAuthorizer());
        HoldAuthority holdAuthority = new HoldAuthority(ctx);
        Certificates certificates = new Certificates(ctx);
        RemovalGuard guard = new RemovalGuard(ctx, overrides, certificates);
        this.purger = new Purger(ctx);
        this.policies = new Policies(ctx, overrides);
        this.documents = new Documents(ctx);
        this.listings = new Listings(ctx);
        this.ingest = new Ingest(ctx, documents);
        this.events = new Events(ctx);
        this.holds = new Holds(ctx, holdAuthority, documents);
        this.disposition = new Disposition(ctx, guard, certificates, purger);
        this.deletions = new Deletions(ctx, guard, purger);
        this.retentionChanges = new RetentionChanges(ctx, holdAuthority, overrides);
        this.erasure = new Erasure(ctx, guard, purger);
    }

    /**
     * The archive of {@code tenant}.
     *
     * @param settings what the {@code Archive} was built with
     * @param tenant   the tenant
     * @param store    the tenant's document store
     * @param audit    the tenant's audit log
     * @return its archive
     */
    public static TenantArchive create(ArchiveSettings settings, TenantId tenant, TenantDocumentStore store, AuditLog audit) {
        return new DefaultTenantArchive(new TenantContext(settings, tenant, store, audit));
    }

    private LogContext context(String operation) {
        return LogContext.open(ctx.tenant, operation);
    }

    @Override
    public TenantId tenant() {
        return ctx.tenant;
    }

    @Override
    public LocalDate today() {
        return ctx.today();
    }

    // ---------------------------------------------------------------- policies

    @Override
    public RetentionPolicy setPolicy(RetentionPolicy policy, String actor, Optional<String> reason) {
        try (LogContext ignored = context("docs.setPolicy")) {
            return policies.setPolicy(policy, actor, reason);
        }
    }

    @Override
    public Optional<RetentionPolicy> policy(DocumentClass documentClass) {
        return policies.policy(documentClass);
    }

    @Override
    public List<RetentionPolicy> policies() {
        return policies.policies();
    }

    // ---------------------------------------------------------------- ingest and read

    @Override
    public Document ingest(NewDocument doc, InputStream content) {
        try (LogContext ignored = context("docs.ingest")) {
            Document d = ingest.ingest(doc, content);
            // Ids, class and size only: titles, owners, metadata and file names may name a person.
            log.info("document {} ingested (or found stored): class {}, {} bytes", d.id(), d.documentClass(), d.versions().get(0).size());
            return d;
        }
    }

    @Override
    public Document addVersion(DocumentId id, InputStream content, String mediaType, Optional<String> fileName, String actor) {
        try (LogContext ignored = context("docs.addVersion")) {
            return ingest.addVersion(id, content, mediaType, fileName, actor);
        }
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        return documents.find(id);
    }

    @Override
    public Document get(DocumentId id) {
        return documents.get(id);
    }

    @Override
    public InputStream openContent(DocumentId id, int version) {
        return documents.openContent(id, version);
    }

    @Override
    public byte[] readContent(DocumentId id, int version) {
        return documents.readContent(id, version);
    }

    @Override
    public Map<Integer, BlobStatus> verify(DocumentId id) {
        try (LogContext ignored = context("docs.verify")) {
            return documents.verify(id);
        }
    }

    @Override
    public Page<Document> search(DocumentQuery query, Optional<String> cursor, int limit) {
        return listings.search(query, cursor, limit);
    }

    @Override
    public Page<Document> dueForDisposition(LocalDate asOf, Optional<String> cursor, int limit) {
        return listings.dueForDisposition(asOf, cursor, limit);
    }

    // ---------------------------------------------------------------- events and holds

    @Override
    public int recordEvent(OwnerRef owner, String event, LocalDate date, String actor) {
        try (LogContext ignored = context("docs.recordEvent")) {
            return events.recordEvent(owner, event, date, actor);
        }
    }

    @Override
    public LegalHold placeHold(String name, String reason, HoldScope scope, String actor) {
        try (LogContext ignored = context("docs.placeHold")) {
            return holds.placeHold(name, reason, scope, actor);
        }
    }

    @Override
    public LegalHold releaseHold(HoldId id, String actor, String reason) {
        try (LogContext ignored = context("docs.releaseHold")) {
            return holds.releaseHold(id, actor, reason);
        }
    }

    @Override
    public List<LegalHold> holds() {
        return holds.holds();
    }

    @Override
    public List<LegalHold> holdsOn(DocumentId id) {
        return holds.holdsOn(id);
    }

    // ---------------------------------------------------------------- disposition and review

    @Override
    public DispositionReport dispose(LocalDate asOf, String actor) {
        try (LogContext ignored = context("docs.dispose")) {
            DispositionReport r = disposition.dispose(asOf, actor);
            log.info("disposition run as of {}: {} disposed, {} archived, {} queued for review, {} kept under hold, {} blobs purged",
                    r.asOf(), r.disposed().size(), r.archived().size(), r.queuedForReview().size(), r.keptUnderHold().size(), r.blobsPurged());
            return r;
        }
    }

    @Override
    public long purgePending() {
        try (LogContext ignored = context("docs.purgePending")) {
            return purger.purgePending();
        }
    }

    @Override
    public Page<Document> reviewQueue(Optional<String> cursor, int limit) {
        return listings.reviewQueue(cursor, limit);
    }

    @Override
    public DisposalCertificate approveDisposal(DocumentId id, String actor, String note) {
        try (LogContext ignored = context("docs.approveDisposal")) {
            return deletions.approveDisposal(id, actor, note);
        }
    }

    // ---------------------------------------------------------------- retention changes and deletion

    @Override
    public Document extendRetention(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        try (LogContext ignored = context("docs.extendRetention")) {
            return retentionChanges.extendRetention(id, retainUntil, actor, reason);
        }
    }

    @Override
    public Document shortenRetention(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        try (LogContext ignored = context("docs.shortenRetention")) {
            return retentionChanges.shortenRetention(id, retainUntil, actor, reason);
        }
    }

    @Override
    public DisposalCertificate delete(DocumentId id, String actor, String reason) {
        try (LogContext ignored = context("docs.delete")) {
            return deletions.delete(id, actor, reason);
        }
    }

    @Override
    public DisposalCertificate deleteEarly(DocumentId id, String actor, String reason) {
        try (LogContext ignored = context("docs.deleteEarly")) {
            return deletions.deleteEarly(id, actor, reason);
        }
    }

    // ---------------------------------------------------------------- erasure

    @Override
    public ErasureReport erase(OwnerRef subject, String actor, String reason) {
        try (LogContext ignored = context("docs.erase")) {
            ErasureReport r = erasure.erase(subject, actor, reason);
            // Never the subject: an owner reference names a person.
            log.info("erasure request handled: {} documents considered", r.items().size());
            return r;
        }
    }

    @Override
    public String toString() {
        return "TenantArchive[" + ctx.tenant + "]";
    }
}
