package dev.backoffice.docs;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.blob.BlobRef;
import dev.backoffice.docs.blob.BlobStatus;
import dev.backoffice.docs.retention.DispositionAction;
import dev.backoffice.docs.retention.RetentionBasis;
import dev.backoffice.docs.retention.RetentionMode;
import dev.backoffice.docs.retention.RetentionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One tenant's archive. Obtain it from {@link Archive#forTenant(TenantId)}; cheap to create.
 *
 * <p>Each operation is atomic: it changes everything it says or nothing (content written to
 * the blob store before a failed ingest is removed again unless another document uses it).
 */
public final class TenantArchive {

    private static final Logger log = LoggerFactory.getLogger(TenantArchive.class);

    private static final int PAGE = 500;

    private final Archive cfg;
    private final TenantId tenant;
    private final TenantDocumentStore store;
    private final AuditLog audit;

    TenantArchive(Archive cfg, TenantId tenant, TenantDocumentStore store, AuditLog audit) {
        this.cfg = cfg;
        this.tenant = tenant;
        this.store = store;
        this.audit = audit;
    }

    /** The tenant. */
    public TenantId tenant() {
        return tenant;
    }

    /** Today in the archive's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(cfg.clock.instant(), cfg.zone);
    }

    // ---------------------------------------------------------------- policies

    /**
     * Defines the retention policy of a class, or changes it. Existing documents of the class
     * get their retention recomputed in the same transaction; each keeps the later of the new
     * policy's date and its own extension ({@link #extendRetention}), in both modes.
     *
     * <ul>
     *   <li>A compliance policy may only be replaced by a compliance policy with the same
     *       trigger and a period at least as long; its documents' retention never moves
     *       earlier. Otherwise {@code docs.retention_locked}, whoever asks.</li>
     *   <li>A governance policy may be weakened (shorter, another trigger, a weaker mode) only
     *       by an authorised actor with a reason ({@code docs.override_not_authorised}).</li>
     * </ul>
     *
     * @param reason required when weakening a governance policy; recorded in the audit log
     */
    public RetentionPolicy setPolicy(RetentionPolicy policy, String actor, Optional<String> reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.setPolicy")) {
            return setPolicyInLogContext(policy, actor, reason);
        }
    }

    private RetentionPolicy setPolicyInLogContext(RetentionPolicy policy, String actor, Optional<String> reason) {
        Check.notNull(policy, "policy");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Check.notNull(reason, "reason");
        return store.write(tx -> {
            tx.lockTenant();
            Optional<RetentionPolicy> old = tx.lockPolicy(policy.documentClass());
            boolean weakening = false;
            if (old.isPresent()) {
                RetentionPolicy o = old.get();
                boolean atLeast = policy.keepsAtLeastAsLongAs(o);
                if (o.mode() == RetentionMode.COMPLIANCE) {
                    if (policy.mode() != RetentionMode.COMPLIANCE || !atLeast) {
                        throw DocsErrorCode.RETENTION_LOCKED.rule("policy of class " + o.documentClass()
                                + " is in compliance mode: it may only be extended (same trigger, period at least " + o.period()
                                + "), never shortened or weakened, by anyone");
                    }
                } else if (!atLeast) {
                    requireOverride(actor, o, reason);
                    weakening = true;
                }
            }
            tx.putPolicy(policy);
            int changed = old.isPresent() ? recompute(tx, policy, old.get()) : 0;
            Map<String, String> details = new TreeMap<>();
            details.put("class", policy.documentClass().code());
            details.put("period", policy.period().toString());
            details.put("trigger", describe(policy));
            details.put("mode", policy.mode().name());
            details.put("action", policy.action().name());
            details.put("source", policy.source());
            details.put("documents_recomputed", Integer.toString(changed));
            old.ifPresent(o -> details.put("previous", o.period() + " " + describe(o) + " " + o.mode()));
            if (weakening) {
                details.put("override_reason", reason.orElseThrow());
            }
            audit.append(AuditEvent.of(actor, weakening ? "docs.policy_weakened" : "docs.policy_set",
                    "policy/" + policy.documentClass().code(), details));
            return policy;
        });
    }

    /** Defines or extends a policy (no reason needed for that). */
    public RetentionPolicy setPolicy(RetentionPolicy policy, String actor) {
        return setPolicy(policy, actor, Optional.empty());
    }

    /** The policy of a class. */
    public Optional<RetentionPolicy> policy(DocumentClass documentClass) {
        return store.policy(Check.notNull(documentClass, "documentClass"));
    }

    /** Every policy. */
    public List<RetentionPolicy> policies() {
        return store.policies();
    }

    private int recompute(DocumentTx tx, RetentionPolicy policy, RetentionPolicy old) {
        boolean neverEarlier = old.mode() == RetentionMode.COMPLIANCE || policy.mode() == RetentionMode.COMPLIANCE;
        DocumentQuery q = DocumentQuery.builder().documentClass(policy.documentClass()).build();
        int changed = 0;
        Optional<DocumentId> after = Optional.empty();
        while (true) {
            List<Document> page = tx.search(q, after, PAGE);
            for (Document d : page) {
                if (d.lifecycle() != Lifecycle.ACTIVE) {
                    continue;
                }
                Optional<LocalDate> trigger = triggerDate(tx, policy, d.owners(), d.createdAt());
                Optional<LocalDate> until = later(trigger.map(policy::retainUntil), d.extendedUntil());
                if (neverEarlier && d.retainUntil().isPresent()
                        && (until.isEmpty() || until.get().isBefore(d.retainUntil().get()))) {
                    until = d.retainUntil();
                    trigger = d.triggerDate();
                }
                if (!until.equals(d.retainUntil()) || !trigger.equals(d.triggerDate())) {
                    if (!tx.replace(d, d.with(d.lifecycle(), trigger, until, d.disposedAt()))) {
                        throw concurrent(d.id());
                    }
                    changed++;
                }
            }
            if (page.size() < PAGE) {
                return changed;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    /**
     * The last day of retention of a document: the later of the policy's date and the
     * document's own extension, in both modes. Empty while the policy's date is unknown (the
     * event not yet recorded): an extension alone never starts a retention, it is a floor.
     */
    private static Optional<LocalDate> later(Optional<LocalDate> policyUntil, Optional<LocalDate> extendedUntil) {
        if (policyUntil.isEmpty() || extendedUntil.isEmpty()) {
            return policyUntil;
        }
        return Optional.of(policyUntil.get().isAfter(extendedUntil.get()) ? policyUntil.get() : extendedUntil.get());
    }

    private Optional<LocalDate> triggerDate(DocumentReads r, RetentionPolicy policy, List<OwnerRef> owners, Instant createdAt) {
        if (!policy.trigger().waitsForEvent()) {
            return Optional.of(LocalDate.ofInstant(createdAt, cfg.zone));
        }
        String event = policy.trigger().event().orElseThrow();
        Optional<LocalDate> latest = Optional.empty();
        for (OwnerRef o : owners) {
            Optional<LocalDate> e = r.event(o, event);
            if (e.isPresent() && (latest.isEmpty() || e.get().isAfter(latest.get()))) {
                latest = e;
            }
        }
        return latest;
    }

    private static String describe(RetentionPolicy p) {
        var t = p.trigger();
        return t.event().map(e -> "event " + e).orElse("creation")
                + (t.deferral().isZero() ? "" : " +" + t.deferral())
                + switch (t.yearEnd()) {
                    case NONE -> "";
                    case CALENDAR -> ", end of calendar year";
                    case FISCAL -> ", end of fiscal year ending " + t.fiscalYearEnd().orElseThrow();
                };
    }

    // ---------------------------------------------------------------- ingest and read

    /**
     * Stores a new document with its first version, streaming {@code content} to the blob
     * store (the caller closes the stream). Its retention is computed now: from the creation
     * date, or from the business event if it has already been recorded for one of its owners
     * (otherwise when it is).
     *
     * <p>Idempotent: ingesting again with the same id and the same content returns the stored
     * document.
     *
     * @throws InvalidRequestException {@code docs.unknown_class}, {@code docs.empty_content},
     *                                 {@code docs.content_too_large}, {@code docs.invalid_name}
     * @throws ConflictException       {@code docs.already_exists} for the same id with other content
     */
    public Document ingest(NewDocument doc, InputStream content) {
        try (LogContext ignored = LogContext.open(tenant, "docs.ingest")) {
            Document d = ingestInLogContext(doc, content);
            // Ids, class and size only: titles, owners, metadata and file names may name a person.
            log.info("document {} ingested (or found stored): class {}, {} bytes", d.id(), d.documentClass(), d.versions().get(0).size());
            return d;
        }
    }

    private Document ingestInLogContext(NewDocument doc, InputStream content) {
        Check.notNull(doc, "document");
        Check.notNull(content, "content");
        if (store.policy(doc.documentClass()).isEmpty()) {
            throw unknownClass(doc.documentClass());
        }
        BlobRef blob = cfg.blobs.put(tenant, content, cfg.maxContentBytes);
        try {
            Optional<Document> existing = store.find(doc.id());
            if (existing.isPresent()) {
                if (existing.get().versions().get(0).contentHash().equals(blob.hash())) {
                    return existing.get();
                }
                throw DocsErrorCode.ALREADY_EXISTS.conflict("document " + doc.id() + " already exists with other content");
            }
            Instant now = cfg.clock.instant();
            return store.write(tx -> {
                tx.lockTenant();
                RetentionPolicy policy = tx.lockPolicy(doc.documentClass()).orElseThrow(() -> unknownClass(doc.documentClass()));
                requireBlob(blob);
                Optional<LocalDate> trigger = triggerDate(tx, policy, doc.owners(), now);
                DocumentVersion v1 = new DocumentVersion(1, blob.hash(), blob.size(), doc.mediaType(), doc.fileName(), now, doc.actor());
                Document d = new Document(doc.id(), doc.documentClass(), doc.title(), doc.mediaType(), doc.owners(), doc.metadata(),
                        now, List.of(v1), Lifecycle.ACTIVE, trigger, trigger.map(policy::retainUntil), Optional.empty());
                tx.insert(d);
                return d;
            });
        } catch (RuntimeException e) {
            dropIfUnused(blob);
            throw e;
        }
    }

    /** Ingests bytes (convenience for small content). */
    public Document ingest(NewDocument doc, byte[] content) {
        return ingest(doc, new ByteArrayInputStream(Check.notNull(content, "content")));
    }

    /**
     * Adds a version to an active document; every earlier version stays. The retention is
     * unchanged (it counts from the document's creation or event, not from the version).
     */
    public Document addVersion(DocumentId id, InputStream content, String mediaType, Optional<String> fileName, String actor) {
        try (LogContext ignored = LogContext.open(tenant, "docs.addVersion")) {
            return addVersionInLogContext(id, content, mediaType, fileName, actor);
        }
    }

    private Document addVersionInLogContext(DocumentId id, InputStream content, String mediaType, Optional<String> fileName, String actor) {
        Check.notNull(id, "id");
        Check.notNull(content, "content");
        Names.text(mediaType, "mediaType", DocsLimits.MAX_MEDIA_TYPE_LENGTH);
        Check.notNull(fileName, "fileName");
        fileName.ifPresent(f -> Names.fileName(f, "fileName"));
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Document before = get(id);
        if (before.lifecycle() != Lifecycle.ACTIVE) {
            throw wrongState(before, "add a version to");
        }
        BlobRef blob = cfg.blobs.put(tenant, content, cfg.maxContentBytes);
        try {
            Instant now = cfg.clock.instant();
            return store.write(tx -> {
                tx.lockTenant();
                requireBlob(blob);
                Document cur = tx.find(id).orElseThrow(() -> notFound(id));
                if (cur.lifecycle() != Lifecycle.ACTIVE) {
                    throw wrongState(cur, "add a version to");
                }
                Document next = cur.withVersion(new DocumentVersion(cur.versions().size() + 1, blob.hash(), blob.size(), mediaType,
                        fileName, now, actor));
                if (!tx.replace(cur, next)) {
                    throw concurrent(id);
                }
                return next;
            });
        } catch (RuntimeException e) {
            dropIfUnused(blob);
            throw e;
        }
    }

    private void requireBlob(BlobRef blob) {
        // Under the tenant lock: a purge of the same content cannot interleave.
        if (!cfg.blobs.exists(tenant, blob.hash())) {
            throw DocsErrorCode.CONCURRENT_CHANGE.conflict("content " + blob.hash() + " was purged concurrently; retry the request");
        }
    }

    private void dropIfUnused(BlobRef blob) {
        try {
            store.write(tx -> {
                tx.lockTenant();
                if (!tx.contentInUse(blob.hash())) {
                    cfg.blobs.delete(tenant, blob.hash());
                }
                return null;
            });
        } catch (RuntimeException suppressed) {
            // best effort: an unreferenced blob is harmless
        }
    }

    /** The document, if it exists in this tenant. */
    public Optional<Document> find(DocumentId id) {
        return store.find(Check.notNull(id, "id"));
    }

    /**
     * The document.
     *
     * @throws NotFoundException {@code docs.not_found}
     */
    public Document get(DocumentId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Opens a version's content as a verifying stream. It knows the version's size and checks
     * the hash by the time the last byte is delivered: the read that would deliver the last
     * declared byte throws {@link ContentCorruptedException} instead if the content does not
     * hash to the version's key, as does any read past the declared size and an end of data
     * before it. A caller that reads exactly {@link DocumentVersion#size()} bytes has therefore
     * read verified content. Close it after use.
     *
     * @throws ConflictException {@code docs.wrong_state} if the document was disposed of
     */
    public InputStream openContent(DocumentId id, int version) {
        Document d = get(id);
        if (d.lifecycle() == Lifecycle.DISPOSED) {
            throw wrongState(d, "read");
        }
        DocumentVersion v = d.version(version).orElseThrow(() -> InvalidRequestException.of("version",
                "must be 1 to " + d.versions().size(), version));
        return cfg.blobs.open(tenant, v.contentHash(), v.size());
    }

    /** Reads a version's content completely and verified (for content that fits in memory). */
    public byte[] readContent(DocumentId id, int version) {
        try (InputStream in = openContent(id, version)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw DocsErrorCode.IO_FAILURE.storage("reading content: " + e.getMessage(), e);
        }
    }

    /** Checks every version's content against its hash without serving it: version number to status. */
    public Map<Integer, BlobStatus> verify(DocumentId id) {
        try (LogContext ignored = LogContext.open(tenant, "docs.verify")) {
            return verifyInLogContext(id);
        }
    }

    private Map<Integer, BlobStatus> verifyInLogContext(DocumentId id) {
        Document d = get(id);
        Map<Integer, BlobStatus> out = new TreeMap<>();
        if (d.lifecycle() == Lifecycle.DISPOSED) {
            return out;
        }
        for (DocumentVersion v : d.versions()) {
            out.put(v.number(), cfg.blobs.verify(tenant, v.contentHash()));
        }
        return out;
    }

    /**
     * Documents matching {@code query}, in id order.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, empty to start
     * @param limit  1 to 1000
     */
    public Page<Document> search(DocumentQuery query, Optional<String> cursor, int limit) {
        Check.notNull(query, "query");
        Check.that(limit >= 1 && limit <= 1000, "limit", "must be 1 to 1000", limit);
        Optional<DocumentId> after = Check.notNull(cursor, "cursor").map(c -> new DocumentId(dev.backoffice.core.id.Ids.parse(c, "cursor")));
        List<Document> items = store.search(query, after, limit + 1);
        return paged(items, limit, d -> d.id().toString());
    }

    /**
     * Documents whose retention has ended by {@code asOf} and that disposition would act on
     * (ACTIVE, retainUntil before asOf), by (retainUntil, id). Served from the retain-until index.
     */
    public Page<Document> dueForDisposition(LocalDate asOf, Optional<String> cursor, int limit) {
        Check.notNull(asOf, "asOf");
        Check.that(limit >= 1 && limit <= 1000, "limit", "must be 1 to 1000", limit);
        Optional<DocumentReads.DueCursor> after = Check.notNull(cursor, "cursor").map(TenantArchive::parseDueCursor);
        List<Document> items = store.due(asOf, after, limit + 1);
        return paged(items, limit, d -> d.retainUntil().orElseThrow() + "/" + d.id());
    }

    private static DocumentReads.DueCursor parseDueCursor(String c) {
        int slash = c.indexOf('/');
        try {
            return new DocumentReads.DueCursor(LocalDate.parse(c.substring(0, slash)), DocumentId.parse(c.substring(slash + 1)));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor of this listing", c);
        }
    }

    private static <T> Page<T> paged(List<T> items, int limit, java.util.function.Function<T, String> key) {
        if (items.size() > limit) {
            List<T> page = items.subList(0, limit);
            return Page.of(page, key.apply(page.get(limit - 1)));
        }
        return Page.last(items);
    }

    // ---------------------------------------------------------------- events

    /**
     * Records a business event (e.g. {@code employment-ended}) for an owner, and starts or
     * moves the retention of that owner's documents whose policy waits for it. Recording the
     * event again with a later date moves it later; an earlier date is ignored (retention is
     * never shortened this way).
     *
     * @return how many documents got a new retention
     */
    public int recordEvent(OwnerRef owner, String event, LocalDate date, String actor) {
        try (LogContext ignored = LogContext.open(tenant, "docs.recordEvent")) {
            return recordEventInLogContext(owner, event, date, actor);
        }
    }

    private int recordEventInLogContext(OwnerRef owner, String event, LocalDate date, String actor) {
        Check.notNull(owner, "owner");
        Check.notBlank(event, "event");
        Check.notNull(date, "date");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        return store.write(tx -> {
            tx.lockTenant();
            Optional<LocalDate> existing = tx.event(owner, event);
            if (existing.isEmpty() || date.isAfter(existing.get())) {
                tx.putEvent(owner, event, date);
            }
            int changed = 0;
            DocumentQuery q = DocumentQuery.builder().owner(owner).build();
            Optional<DocumentId> after = Optional.empty();
            while (true) {
                List<Document> page = tx.search(q, after, PAGE);
                for (Document d : page) {
                    if (d.lifecycle() != Lifecycle.ACTIVE) {
                        continue;
                    }
                    RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> unknownClass(d.documentClass()));
                    if (!p.trigger().event().equals(Optional.of(event))) {
                        continue;
                    }
                    Optional<LocalDate> trigger = triggerDate(tx, p, d.owners(), d.createdAt());
                    Optional<LocalDate> until = later(trigger.map(p::retainUntil), d.extendedUntil());
                    if (d.retainUntil().isPresent() && until.isPresent() && until.get().isBefore(d.retainUntil().get())) {
                        continue; // never earlier
                    }
                    if (!until.equals(d.retainUntil())) {
                        if (!tx.replace(d, d.with(Lifecycle.ACTIVE, trigger, until, Optional.empty()))) {
                            throw concurrent(d.id());
                        }
                        changed++;
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = Optional.of(page.get(page.size() - 1).id());
            }
            audit.append(AuditEvent.of(actor, "docs.event_recorded", "event/" + event,
                    Map.of("date", date.toString(), "documents", Integer.toString(changed))));
            return changed;
        });
    }

    // ---------------------------------------------------------------- holds

    /**
     * Places a legal hold; from now on nothing in its scope is deleted, disposed of or erased.
     * Needs an actor the {@link HoldAuthorizer} allows ({@code PLACE_HOLD}), as S3 needs
     * {@code s3:PutObjectLegalHold}.
     *
     * @throws RuleViolationException {@code docs.hold_not_authorised} (the attempt is audited)
     * @throws NotFoundException      {@code docs.not_found} if the scope lists a document id that
     *                                does not exist in this tenant
     */
    public LegalHold placeHold(String name, String reason, HoldScope scope, String actor) {
        try (LogContext ignored = LogContext.open(tenant, "docs.placeHold")) {
            return placeHoldInLogContext(name, reason, scope, actor);
        }
    }

    private LegalHold placeHoldInLogContext(String name, String reason, HoldScope scope, String actor) {
        Names.text(name, "name", DocsLimits.MAX_NAME_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        Check.notNull(scope, "scope");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        LegalHold hold = new LegalHold(HoldId.newId(), name, reason, scope, cfg.clock.instant(), actor, Optional.empty(), Optional.empty());
        requireHoldAuthority(actor, HoldAuthorizer.Action.PLACE_HOLD, "hold/" + hold.id(), Map.of("name", name));
        return store.write(tx -> {
            tx.lockTenant();
            for (int i = 0; i < scope.documents().size(); i++) {
                DocumentId listed = scope.documents().get(i);
                if (tx.find(listed).isEmpty()) {
                    throw DocsErrorCode.NOT_FOUND.notFound("scope.documents[" + i + "]: document " + listed
                            + " not found in tenant " + tenant + "; a hold can only name existing documents");
                }
            }
            tx.putHold(hold);
            audit.append(AuditEvent.of(actor, "docs.hold_placed", "hold/" + hold.id(), Map.of("name", name, "reason", reason)));
            return hold;
        });
    }

    /**
     * Releases a hold. Documents it protected become disposable again at the next run if
     * their retention has ended and no other hold covers them. Needs an actor the
     * {@link HoldAuthorizer} allows ({@code RELEASE_HOLD}).
     *
     * @throws RuleViolationException {@code docs.hold_not_authorised} (the attempt is audited)
     * @throws NotFoundException      {@code docs.hold_not_found}
     */
    public LegalHold releaseHold(HoldId id, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.releaseHold")) {
            return releaseHoldInLogContext(id, actor, reason);
        }
    }

    private LegalHold releaseHoldInLogContext(HoldId id, String actor, String reason) {
        Check.notNull(id, "id");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        requireHoldAuthority(actor, HoldAuthorizer.Action.RELEASE_HOLD, "hold/" + id, Map.of());
        return store.write(tx -> {
            tx.lockTenant();
            LegalHold h = tx.hold(id).orElseThrow(() -> DocsErrorCode.HOLD_NOT_FOUND.notFound("no hold " + id + " in tenant " + tenant));
            if (!h.active()) {
                return h;
            }
            LegalHold released = h.released(cfg.clock.instant(), actor);
            tx.putHold(released);
            audit.append(AuditEvent.of(actor, "docs.hold_released", "hold/" + id, Map.of("name", h.name(), "reason", reason)));
            return released;
        });
    }

    /**
     * Throws {@code docs.hold_not_authorised} unless the {@link HoldAuthorizer} allows
     * {@code actor} to do {@code action}; a refusal is first appended to the audit log (in its
     * own transaction, so it stays when the refused call changes nothing).
     */
    private void requireHoldAuthority(String actor, HoldAuthorizer.Action action, String subject, Map<String, String> details) {
        if (cfg.holdAuthorizer.may(actor, action)) {
            return;
        }
        Map<String, String> d = new TreeMap<>(details);
        d.put("attempted", action.name());
        audit.append(AuditEvent.of(actor, DocsErrorCode.HOLD_NOT_AUTHORISED.code(), subject, d));
        throw DocsErrorCode.HOLD_NOT_AUTHORISED.rule("actor: " + actor + " may not " + switch (action) {
            case PLACE_HOLD -> "place a legal hold";
            case RELEASE_HOLD -> "release a legal hold";
            case EXTEND_RETENTION -> "extend a retention";
        } + " (HoldAuthorizer)");
    }

    /** Every hold, active and released. */
    public List<LegalHold> holds() {
        return store.holds();
    }

    /** The active holds covering a document. */
    public List<LegalHold> holdsOn(DocumentId id) {
        Document d = get(id);
        return store.activeHolds().stream().filter(h -> h.holds(d)).toList();
    }

    // ---------------------------------------------------------------- disposition

    /**
     * Applies the retention policies as of {@code asOf} (today or earlier; never the future):
     * every ACTIVE document whose last day of retention is before {@code asOf} and that no
     * active hold covers is deleted, archived or queued for review per its policy, each with a
     * certificate in the audit log.
     *
     * <p>Idempotent and resumable: each batch is one transaction (document states, certificates
     * and the purge queue together), content is deleted only after its batch committed, and a
     * rerun first finishes pending content deletions. A crash at any point and a rerun give the
     * same end state, with exactly one certificate per document.
     *
     * @throws InvalidRequestException if {@code asOf} is after today
     */
    public DispositionReport dispose(LocalDate asOf, String actor) {
        try (LogContext ignored = LogContext.open(tenant, "docs.dispose")) {
            DispositionReport r = disposeInLogContext(asOf, actor);
            log.info("disposition run as of {}: {} disposed, {} archived, {} queued for review, {} kept under hold, {} blobs purged",
                    r.asOf(), r.disposed().size(), r.archived().size(), r.queuedForReview().size(), r.keptUnderHold().size(), r.blobsPurged());
            return r;
        }
    }

    private DispositionReport disposeInLogContext(LocalDate asOf, String actor) {
        Check.notNull(asOf, "asOf");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        if (asOf.isAfter(today())) {
            throw InvalidRequestException.of("asOf", "must not be after today (" + today() + "): retention cannot be judged by a future date", asOf);
        }
        long purged = purgePending();
        List<DisposalCertificate> disposed = new ArrayList<>();
        List<DisposalCertificate> archived = new ArrayList<>();
        List<DisposalCertificate> review = new ArrayList<>();
        List<DocumentId> held = new ArrayList<>();
        Optional<DocumentReads.DueCursor> cursor = Optional.empty();
        while (true) {
            List<Document> page = store.due(asOf, cursor, cfg.batchSize);
            if (page.isEmpty()) {
                break;
            }
            Document last = page.get(page.size() - 1);
            cursor = Optional.of(new DocumentReads.DueCursor(last.retainUntil().orElseThrow(), last.id()));
            List<DocumentId> heldHere = new ArrayList<>();
            List<DisposalCertificate> done = store.write(tx -> {
                heldHere.clear();
                tx.lockTenant();
                List<LegalHold> holds = tx.activeHolds();
                Map<DocumentClass, RetentionPolicy> policies = new java.util.HashMap<>();
                List<ContentHash> purge = new ArrayList<>();
                List<DisposalCertificate> out = new ArrayList<>();
                for (Document d : page) {
                    // d was listed before the lock; every change below is a compare-and-set on its
                    // lifecycle and retention, so a document disposed by another run or extended
                    // meanwhile is skipped. Owners and metadata never change while it is ACTIVE.
                    if (d.lifecycle() != Lifecycle.ACTIVE || !d.retentionEndedBy(asOf)) {
                        continue;
                    }
                    if (holds.stream().anyMatch(h -> h.holds(d))) {
                        heldHere.add(d.id());
                        continue;
                    }
                    RetentionPolicy p = policies.computeIfAbsent(d.documentClass(),
                            k -> tx.policy(k).orElseThrow(() -> unknownClass(k)));
                    DisposalCertificate c = switch (p.action()) {
                        case DELETE -> destroy(tx, d, p, asOf, actor, "docs.disposed", "", purge);
                        case ARCHIVE -> transition(tx, d, p, Lifecycle.ARCHIVED, asOf, actor, "docs.archived");
                        case REVIEW -> transition(tx, d, p, Lifecycle.REVIEW, asOf, actor, "docs.review_queued");
                    };
                    if (c != null) {
                        out.add(c);
                    }
                }
                tx.addPurges(purge);
                return out;
            });
            held.addAll(heldHere);
            for (DisposalCertificate c : done) {
                switch (c.action()) {
                    case "docs.archived" -> archived.add(c);
                    case "docs.review_queued" -> review.add(c);
                    default -> disposed.add(c);
                }
                cfg.observer.committed(c);
            }
            purged += purgePending();
        }
        return new DispositionReport(asOf, disposed, archived, review, held, purged);
    }

    /**
     * Deletes content whose last live document was disposed of: each hash is re-checked under
     * the tenant lock (a new document may have brought the same content back).
     *
     * @return how many blobs were deleted
     */
    public long purgePending() {
        try (LogContext ignored = LogContext.open(tenant, "docs.purgePending")) {
            return purgePendingInLogContext();
        }
    }

    private long purgePendingInLogContext() {
        long deleted = 0;
        while (true) {
            List<ContentHash> pending = store.pendingPurges(PAGE);
            if (pending.isEmpty()) {
                return deleted;
            }
            deleted += store.write(tx -> {
                tx.lockTenant();
                java.util.Set<ContentHash> live = tx.contentInUse(pending);
                long n = 0;
                for (ContentHash h : pending) {
                    if (!live.contains(h) && cfg.blobs.delete(tenant, h)) {
                        n++;
                    }
                }
                tx.removePurges(pending);
                return n;
            });
        }
    }

    private DisposalCertificate destroy(DocumentTx tx, Document d, RetentionPolicy p, LocalDate asOf, String actor, String action, String reason) {
        List<ContentHash> purge = new ArrayList<>();
        DisposalCertificate c = destroy(tx, d, p, asOf, actor, action, reason, purge);
        tx.addPurges(purge);
        return c;
    }

    /**
     * Scrubs the document and certifies it; its content hashes go to {@code purge} (queue them in
     * the same transaction). The purge re-checks, under the tenant lock, that no live document
     * uses a hash before deleting the blob.
     */
    private DisposalCertificate destroy(DocumentTx tx, Document d, RetentionPolicy p, LocalDate asOf, String actor, String action,
                                        String reason, List<ContentHash> purge) {
        Instant now = cfg.clock.instant();
        if (!tx.replace(d, d.disposed(now))) {
            return null;
        }
        purge.addAll(new LinkedHashSet<>(d.versions().stream().map(DocumentVersion::contentHash).toList()));
        return certify(d, p, asOf, actor, action, reason);
    }

    private DisposalCertificate transition(DocumentTx tx, Document d, RetentionPolicy p, Lifecycle to, LocalDate asOf, String actor, String action) {
        if (!tx.replace(d, d.with(to, d.triggerDate(), d.retainUntil(), Optional.of(cfg.clock.instant())))) {
            return null;
        }
        return certify(d, p, asOf, actor, action, "");
    }

    private DisposalCertificate certify(Document d, RetentionPolicy p, LocalDate asOf, String actor, String action, String reason) {
        List<ContentHash> hashes = d.versions().stream().map(DocumentVersion::contentHash).toList();
        Map<String, String> details = new TreeMap<>();
        details.put("class", d.documentClass().code());
        details.put("policy", p.name());
        details.put("policy_source", p.source());
        details.put("mode", p.mode().name());
        details.put("retain_until", d.retainUntil().map(LocalDate::toString).orElse("none"));
        details.put("as_of", asOf.toString());
        details.put("versions", Integer.toString(hashes.size()));
        details.put("content_sha256", hashes.stream().map(ContentHash::hex).collect(Collectors.joining(",")));
        details.put("created_at", d.createdAt().toString());
        if (!reason.isEmpty()) {
            details.put("reason", reason);
        }
        AuditRecord r = audit.append(AuditEvent.of(actor, action, "document/" + d.id(), details));
        return new DisposalCertificate(d.id(), d.documentClass(), action, p.name(), p.source(), d.retainUntil(), asOf, actor,
                reason, hashes, r.sequence(), r.recordedAt());
    }

    // ---------------------------------------------------------------- review queue

    /** Documents waiting for a person's decision, in id order. */
    public Page<Document> reviewQueue(Optional<String> cursor, int limit) {
        Check.that(limit >= 1 && limit <= 1000, "limit", "must be 1 to 1000", limit);
        Optional<DocumentId> after = Check.notNull(cursor, "cursor").map(DocumentId::parse);
        return paged(store.inState(Lifecycle.REVIEW, after, limit + 1), limit, d -> d.id().toString());
    }

    /**
     * Approves the disposal of a document in review: it is deleted with a certificate.
     *
     * @throws RuleViolationException {@code docs.under_hold}
     * @throws ConflictException      {@code docs.wrong_state} if it is not in review
     */
    public DisposalCertificate approveDisposal(DocumentId id, String actor, String note) {
        try (LogContext ignored = LogContext.open(tenant, "docs.approveDisposal")) {
            return approveDisposalInLogContext(id, actor, note);
        }
    }

    private DisposalCertificate approveDisposalInLogContext(DocumentId id, String actor, String note) {
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(note, "note", DocsLimits.MAX_REASON_LENGTH);
        DisposalCertificate c = store.write(tx -> {
            tx.lockTenant();
            Document d = tx.find(id).orElseThrow(() -> notFound(id));
            if (d.lifecycle() != Lifecycle.REVIEW) {
                throw wrongState(d, "approve the disposal of");
            }
            requireNoHold(tx, d);
            RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> unknownClass(d.documentClass()));
            return destroy(tx, d, p, today(), actor, "docs.disposed", "review approved: " + note);
        });
        purgePending();
        return c;
    }

    /**
     * Extends a document's retention so that it is kept at least through {@code retainUntil};
     * a document in review goes back to ACTIVE. Allowed in both modes (extending never weakens a
     * retention) to an actor the {@link HoldAuthorizer} allows ({@code EXTEND_RETENTION}), like
     * S3's {@code s3:PutObjectRetention}.
     *
     * <p>The extension is stored apart from the policy's date ({@link Document#extendedUntil()}):
     * the document is kept through the later of the two, also after a policy change or when its
     * event is recorded. On a document still waiting for its trigger event the extension is only
     * a floor: the retention still starts with the event, and ends no earlier than the floor.
     *
     * @throws InvalidRequestException {@code retainUntil} not after today, not after the current
     *                                 last day of retention, or not after an earlier extension
     * @throws RuleViolationException  {@code docs.hold_not_authorised} (the attempt is audited)
     * @throws ConflictException       {@code docs.wrong_state} if it is archived or disposed
     */
    public Document extendRetention(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.extendRetention")) {
            return extendRetentionInLogContext(id, retainUntil, actor, reason);
        }
    }

    private Document extendRetentionInLogContext(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        Check.notNull(id, "id");
        Check.notNull(retainUntil, "retainUntil");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        requireHoldAuthority(actor, HoldAuthorizer.Action.EXTEND_RETENTION, "document/" + id, Map.of("to", retainUntil.toString()));
        LocalDate today = today();
        if (!retainUntil.isAfter(today)) {
            throw InvalidRequestException.of("retainUntil", "must be after today (" + today
                    + "): an extension keeps a document longer, it never ends a retention", retainUntil);
        }
        return store.write(tx -> {
            tx.lockTenant();
            Document d = tx.find(id).orElseThrow(() -> notFound(id));
            if (d.lifecycle() != Lifecycle.ACTIVE && d.lifecycle() != Lifecycle.REVIEW) {
                throw wrongState(d, "extend the retention of");
            }
            if (d.retainUntil().isPresent() && !retainUntil.isAfter(d.retainUntil().get())) {
                throw InvalidRequestException.of("retainUntil", "must be after the current last day of retention " + d.retainUntil().get(), retainUntil);
            }
            if (d.extendedUntil().isPresent() && !retainUntil.isAfter(d.extendedUntil().get())) {
                throw InvalidRequestException.of("retainUntil", "must be after the earlier extension to " + d.extendedUntil().get()
                        + " (an extension is never withdrawn by extending)", retainUntil);
            }
            RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> unknownClass(d.documentClass()));
            Optional<LocalDate> extension = Optional.of(retainUntil);
            // The policy's date, from the stored trigger: never replaced, only raised. Empty while
            // the event is awaited: then the extension is a floor and the retention stays open.
            Optional<LocalDate> until = later(d.triggerDate().map(p::retainUntil), extension);
            Document next = d.with(Lifecycle.ACTIVE, d.triggerDate(), until, Optional.empty()).withExtension(extension);
            if (!tx.replace(d, next)) {
                throw concurrent(id);
            }
            Map<String, String> details = new TreeMap<>();
            details.put("from", d.retainUntil().map(LocalDate::toString).orElse("none"));
            details.put("to", until.map(LocalDate::toString).orElse("none"));
            details.put("extended_until", retainUntil.toString());
            if (until.isEmpty()) {
                details.put("waits_for", "event " + p.trigger().event().orElse("?") + " (the extension is a floor)");
            }
            details.put("reason", reason);
            audit.append(AuditEvent.of(actor, "docs.retention_extended", "document/" + id, details));
            return next;
        });
    }

    // ---------------------------------------------------------------- deletion and overrides

    /**
     * Deletes a document whose retention has ended (active, in review or archived), with a
     * certificate.
     *
     * @throws RuleViolationException {@code docs.under_hold}, {@code docs.retention_active}
     */
    public DisposalCertificate delete(DocumentId id, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.delete")) {
            return deleteInLogContext(id, actor, reason);
        }
    }

    private DisposalCertificate deleteInLogContext(DocumentId id, String actor, String reason) {
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        DisposalCertificate c = store.write(tx -> {
            Deletable del = deletable(tx, id);
            Document d = del.document();
            RetentionPolicy p = del.policy();
            LocalDate today = today();
            if (d.lifecycle() == Lifecycle.ACTIVE && !d.retentionEndedBy(today)) {
                throw DocsErrorCode.RETENTION_ACTIVE.rule("document " + id + " is retained "
                        + d.retainUntil().map(u -> "until " + u).orElse("until its event is recorded and the period has passed")
                        + " under '" + p.name() + "' (" + p.source() + ")");
            }
            return destroy(tx, d, p, today, actor, "docs.deleted", reason);
        });
        purgePending();
        return c;
    }

    /**
     * Deletes a document before its governance-mode retention has ended. Requires an actor the
     * {@link OverrideAuthorizer} allows and a reason; both go into the certificate.
     *
     * @throws RuleViolationException {@code docs.under_hold}, {@code docs.retention_locked} (compliance
     *                                mode: never), {@code docs.override_not_authorised}
     */
    public DisposalCertificate deleteEarly(DocumentId id, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.deleteEarly")) {
            return deleteEarlyInLogContext(id, actor, reason);
        }
    }

    private DisposalCertificate deleteEarlyInLogContext(DocumentId id, String actor, String reason) {
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        DisposalCertificate c = store.write(tx -> {
            Deletable del = deletable(tx, id);
            Document d = del.document();
            RetentionPolicy p = del.policy();
            if (d.lifecycle() == Lifecycle.ACTIVE && !d.retentionEndedBy(today())) {
                requireGovernanceOverride(actor, p, d, Optional.of(reason));
            }
            return destroy(tx, d, p, today(), actor, "docs.deleted_early", reason);
        });
        purgePending();
        return c;
    }

    /** A document about to be deleted by hand, with its policy. */
    private record Deletable(Document document, RetentionPolicy policy) {
    }

    /**
     * What every manual deletion checks first, under the tenant lock: the document exists, is
     * not already disposed, no hold covers it, and its class has a policy.
     */
    private Deletable deletable(DocumentTx tx, DocumentId id) {
        tx.lockTenant();
        Document d = tx.find(id).orElseThrow(() -> notFound(id));
        if (d.lifecycle() == Lifecycle.DISPOSED) {
            throw wrongState(d, "delete");
        }
        requireNoHold(tx, d);
        RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> unknownClass(d.documentClass()));
        return new Deletable(d, p);
    }

    /**
     * Moves a governance-mode retention's last day earlier. Requires an authorised actor and a
     * reason (audited). Compliance mode: {@code docs.retention_locked}, always.
     * A per-document extension is withdrawn with it (the override is the later decision).
     */
    public Document shortenRetention(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.shortenRetention")) {
            return shortenRetentionInLogContext(id, retainUntil, actor, reason);
        }
    }

    private Document shortenRetentionInLogContext(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        Check.notNull(retainUntil, "retainUntil");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        return store.write(tx -> {
            tx.lockTenant();
            Document d = tx.find(id).orElseThrow(() -> notFound(id));
            if (d.lifecycle() != Lifecycle.ACTIVE) {
                throw wrongState(d, "shorten the retention of");
            }
            RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> unknownClass(d.documentClass()));
            if (d.retainUntil().isPresent() && !retainUntil.isBefore(d.retainUntil().get())) {
                throw InvalidRequestException.of("retainUntil", "must be before the current last day " + d.retainUntil().get()
                        + " (use extendRetention to extend)", retainUntil);
            }
            requireGovernanceOverride(actor, p, d, Optional.of(reason));
            // The override sets the last day outright: an extension above it is withdrawn with it.
            Document next = d.with(Lifecycle.ACTIVE, d.triggerDate(), Optional.of(retainUntil), Optional.empty())
                    .withExtension(Optional.empty());
            if (!tx.replace(d, next)) {
                throw concurrent(id);
            }
            audit.append(AuditEvent.of(actor, "docs.retention_shortened", "document/" + id, Map.of(
                    "from", d.retainUntil().map(LocalDate::toString).orElse("none"), "to", retainUntil.toString(),
                    "policy", p.name(), "reason", reason)));
            return next;
        });
    }

    private void requireGovernanceOverride(String actor, RetentionPolicy p, Document d, Optional<String> reason) {
        if (p.mode() == RetentionMode.COMPLIANCE) {
            throw DocsErrorCode.RETENTION_LOCKED.rule("document " + d.id() + " is under compliance-mode retention '"
                    + p.name() + "' until " + d.retainUntil().map(LocalDate::toString).orElse("its event + " + p.period())
                    + ": nobody can shorten it or delete it early");
        }
        requireOverride(actor, p, reason);
    }

    private void requireOverride(String actor, RetentionPolicy p, Optional<String> reason) {
        if (!cfg.authorizer.mayOverride(actor, p)) {
            throw DocsErrorCode.OVERRIDE_NOT_AUTHORISED.rule(actor + " may not override the governance-mode retention '" + p.name() + "'");
        }
        if (reason.isEmpty() || reason.get().isBlank()) {
            throw InvalidRequestException.of("reason", "an override needs a reason (it is audited)", reason.orElse(null));
        }
    }

    private void requireNoHold(DocumentReads r, Document d) {
        List<LegalHold> on = r.activeHolds().stream().filter(h -> h.holds(d)).toList();
        if (!on.isEmpty()) {
            throw DocsErrorCode.UNDER_HOLD.rule("document " + d.id() + " is under legal hold "
                    + on.stream().map(h -> "'" + h.name() + "'").collect(Collectors.joining(", ")));
        }
    }

    // ---------------------------------------------------------------- erasure

    /**
     * Handles an erasure request (GDPR art. 17) for a data subject. Each of the subject's
     * documents is kept if an active hold covers it (art. 17(3)(e)), or if it is inside the
     * retention of a policy whose basis is a legal obligation (art. 17(3)(b), citing the policy's
     * source and the date it runs to). Everything else is erased with a certificate: documents
     * whose retention ended, archived or queued for review, under a policy with no retention
     * requirement, and documents inside an internal schedule's retention, which yields to the
     * request (the certificate names the schedule it overrode, the actor and the reason). The
     * request itself is audited without naming the subject.
     */
    public ErasureReport erase(OwnerRef subject, String actor, String reason) {
        try (LogContext ignored = LogContext.open(tenant, "docs.erase")) {
            ErasureReport r = eraseInLogContext(subject, actor, reason);
            // Never the subject: an owner reference names a person.
            log.info("erasure request handled: {} documents considered", r.items().size());
            return r;
        }
    }

    private ErasureReport eraseInLogContext(OwnerRef subject, String actor, String reason) {
        Check.notNull(subject, "subject");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        LocalDate today = today();
        List<ErasureReport.Item> items = new ArrayList<>();
        DocumentQuery q = DocumentQuery.builder().owner(subject).build();
        Optional<DocumentId> after = Optional.empty();
        while (true) {
            List<Document> page = store.search(q, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
            items.addAll(store.write(tx -> {
                tx.lockTenant();
                List<LegalHold> holds = tx.activeHolds();
                List<ErasureReport.Item> out = new ArrayList<>();
                for (Document seen : page) {
                    Document d = tx.find(seen.id()).orElse(null);
                    if (d == null || d.lifecycle() == Lifecycle.DISPOSED) {
                        continue;
                    }
                    RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> unknownClass(d.documentClass()));
                    List<LegalHold> on = holds.stream().filter(h -> h.holds(d)).toList();
                    if (!on.isEmpty()) {
                        out.add(new ErasureReport.Item(d.id(), d.documentClass(), ErasureReport.Outcome.KEPT,
                                "legal hold " + on.stream().map(h -> "'" + h.name() + "' (" + h.reason() + ")").collect(Collectors.joining(", "))
                                        + ": GDPR art. 17(3)(e)"));
                        continue;
                    }
                    boolean retained = d.lifecycle() == Lifecycle.ACTIVE && !d.retentionEndedBy(today);
                    String until = d.retainUntil().map(u -> "until " + u)
                            .orElse("for " + p.period() + " after '" + p.trigger().event().orElse("?") + "', not yet recorded");
                    if (retained && p.legalObligation()) {
                        out.add(new ErasureReport.Item(d.id(), d.documentClass(), ErasureReport.Outcome.KEPT,
                                "retention policy '" + p.name() + "' (" + p.source() + ") is a legal obligation to keep it " + until
                                        + ": GDPR art. 17(3)(b)"));
                        continue;
                    }
                    // An internal schedule is no legal obligation: it yields to the request, and the
                    // certificate (actor, reason) records the decision that overrode it.
                    String overrode = retained ? "; overrides internal schedule '" + p.name() + "' (" + p.source() + "), kept " + until
                            + ": no legal obligation, so GDPR art. 17(3)(b) does not apply" : "";
                    DisposalCertificate c = destroy(tx, d, p, today, actor, "docs.erased", "erasure request: " + reason + overrode);
                    if (c != null) {
                        out.add(new ErasureReport.Item(d.id(), d.documentClass(), ErasureReport.Outcome.ERASED,
                                (retained ? "internal schedule '" + p.name() + "' (" + p.source() + ") would have kept it " + until
                                        + ", but is not a legal obligation (GDPR art. 17(3)(b) does not apply)"
                                        : p.basis() == RetentionBasis.NONE ? "no retention requirement ("
                                        + p.source() + ")" : "retention ended " + d.retainUntil().map(LocalDate::toString).orElse(""))
                                        + "; certificate #" + c.auditSequence()));
                    }
                }
                return out;
            }));
            if (page.size() < PAGE) {
                break;
            }
        }
        purgePending();
        long erased = items.stream().filter(i -> i.outcome() == ErasureReport.Outcome.ERASED).count();
        audit.append(AuditEvent.of(actor, "docs.erasure_request", "erasure/" + dev.backoffice.core.id.Ids.newId(cfg.clock), Map.of(
                "erased", Long.toString(erased), "kept", Long.toString(items.size() - erased), "reason", reason)));
        return new ErasureReport(subject, today, items);
    }

    // ---------------------------------------------------------------- errors

    private static InvalidRequestException unknownClass(DocumentClass c) {
        return DocsErrorCode.UNKNOWN_CLASS.invalid("documentClass", "has no retention policy in this tenant; define one first", c.code());
    }

    private NotFoundException notFound(DocumentId id) {
        return DocsErrorCode.NOT_FOUND.notFound("document " + id + " not found in tenant " + tenant);
    }

    private static ConflictException wrongState(Document d, String what) {
        return DocsErrorCode.WRONG_STATE.conflict("cannot " + what + " document " + d.id() + ": it is " + d.lifecycle());
    }

    private static ConflictException concurrent(DocumentId id) {
        return DocsErrorCode.CONCURRENT_CHANGE.conflict("document " + id + " changed concurrently; re-read and retry");
    }
}
