package dev.backoffice.docs;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.blob.BlobStatus;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's archive: the whole API. Obtain it from {@link Archive#forTenant(TenantId)} (one
 * per tenant, shared). Thread-safe.
 *
 * <p>Each operation is atomic: it changes everything it says or nothing (content written to
 * the blob store before a failed ingest is removed again unless another document uses it).
 *
 * <p>Every path that removes a document (disposition, review approval, {@link #delete},
 * {@link #deleteEarly}, {@link #erase}) goes through one guard, checked under the tenant lock:
 * an active legal hold always wins; a compliance-mode retention can never be ended early, by
 * any actor or method; a governance-mode retention only by an actor the
 * {@link OverrideAuthorizer} allows, with a reason, audited; an erasure request yields only to a
 * hold or to a retention that is a legal obligation.
 *
 * <h2>What a failure means</h2>
 * A write either returns its result (stored), throws a
 * {@link dev.backoffice.core.error.BackofficeException} with one of the {@link DocsErrorCode}
 * codes or a storage code (nothing of it stored), or, on a JDBC store that lost the commit's
 * acknowledgement, throws {@link dev.backoffice.core.error.OutcomeUnknownException}
 * ({@code storage.outcome_unknown}): read back the document, the holds or the audit log.
 * Repeating an ingest with the same document id and content is always safe.
 */
public interface TenantArchive {

    /** The tenant. */
    TenantId tenant();

    /** Today in the archive's zone. */
    LocalDate today();

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
     * @param policy the policy
     * @param actor  who sets it (audited)
     * @param reason required when weakening a governance policy; recorded in the audit log
     * @return the policy stored
     */
    RetentionPolicy setPolicy(RetentionPolicy policy, String actor, Optional<String> reason);

    /**
     * Defines or extends a policy (no reason needed for that).
     *
     * @param policy the policy
     * @param actor  who sets it (audited)
     * @return the policy stored
     */
    default RetentionPolicy setPolicy(RetentionPolicy policy, String actor) {
        return setPolicy(policy, actor, Optional.empty());
    }

    /**
     * The policy of a class.
     *
     * @param documentClass the class
     * @return its policy, if one is defined in this tenant
     */
    Optional<RetentionPolicy> policy(DocumentClass documentClass);

    /** Every policy, by class. */
    List<RetentionPolicy> policies();

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
     * @param doc     what to store
     * @param content its first version's content
     * @return the stored document
     * @throws InvalidRequestException {@code docs.unknown_class}, {@code docs.empty_content},
     *                                 {@code docs.content_too_large}, {@code docs.invalid_name}
     * @throws ConflictException       {@code docs.already_exists} for the same id with other content
     */
    Document ingest(NewDocument doc, InputStream content);

    /**
     * Ingests bytes (convenience for small content), as {@link #ingest(NewDocument, InputStream)}.
     *
     * @param doc     what to store
     * @param content its first version's content
     * @return the stored document
     */
    default Document ingest(NewDocument doc, byte[] content) {
        return ingest(doc, new ByteArrayInputStream(Check.notNull(content, "content")));
    }

    /**
     * Adds a version to an active document; every earlier version stays. The retention is
     * unchanged (it counts from the document's creation or event, not from the version).
     *
     * @param id        the document
     * @param content   the new version's content (the caller closes the stream)
     * @param mediaType its media type
     * @param fileName  its file name, if any
     * @param actor     who adds it
     * @return the document with the new version
     * @throws ConflictException {@code docs.wrong_state} if the document is not active
     */
    Document addVersion(DocumentId id, InputStream content, String mediaType, Optional<String> fileName, String actor);

    /**
     * The document, if it exists in this tenant.
     *
     * @param id the document
     * @return it, or empty
     */
    Optional<Document> find(DocumentId id);

    /**
     * The document.
     *
     * @param id the document
     * @return it
     * @throws NotFoundException {@code docs.not_found}
     */
    Document get(DocumentId id);

    /**
     * Opens a version's content as a verifying stream. It knows the version's size and checks
     * the hash by the time the last byte is delivered: the read that would deliver the last
     * declared byte throws {@link ContentCorruptedException} instead if the content does not
     * hash to the version's key, as does any read past the declared size and an end of data
     * before it. A caller that reads exactly {@link DocumentVersion#size()} bytes has therefore
     * read verified content. Close it after use.
     *
     * @param id      the document
     * @param version the version number, from 1
     * @return the content stream
     * @throws ConflictException {@code docs.wrong_state} if the document was disposed of
     */
    InputStream openContent(DocumentId id, int version);

    /**
     * Reads a version's content completely and verified (for content that fits in memory).
     *
     * @param id      the document
     * @param version the version number, from 1
     * @return the content
     */
    byte[] readContent(DocumentId id, int version);

    /**
     * Checks every version's content against its hash without serving it.
     *
     * @param id the document
     * @return version number to status (empty for a disposed document)
     */
    Map<Integer, BlobStatus> verify(DocumentId id);

    /**
     * Documents matching {@code query}, in id order.
     *
     * @param query  what to match
     * @param cursor the previous page's {@link Page#nextCursor()}, empty to start
     * @param limit  1 to 1000
     * @return one page
     */
    Page<Document> search(DocumentQuery query, Optional<String> cursor, int limit);

    /**
     * Documents whose retention has ended by {@code asOf} and that disposition would act on
     * (ACTIVE, retainUntil before asOf), by (retainUntil, id). Served from the retain-until index.
     *
     * @param asOf   the date
     * @param cursor the previous page's {@link Page#nextCursor()}, empty to start
     * @param limit  1 to 1000
     * @return one page
     */
    Page<Document> dueForDisposition(LocalDate asOf, Optional<String> cursor, int limit);

    // ---------------------------------------------------------------- events

    /**
     * Records a business event (e.g. {@code employment-ended}) for an owner, and starts or
     * moves the retention of that owner's documents whose policy waits for it. Recording the
     * event again with a later date moves it later; an earlier date is ignored (retention is
     * never shortened this way).
     *
     * @param owner the owner
     * @param event the event's name
     * @param date  when it happened
     * @param actor who records it (audited)
     * @return how many documents got a new retention
     */
    int recordEvent(OwnerRef owner, String event, LocalDate date, String actor);

    // ---------------------------------------------------------------- holds

    /**
     * Places a legal hold; from now on nothing in its scope is deleted, disposed of or erased.
     * Needs an actor the {@link HoldAuthorizer} allows ({@code PLACE_HOLD}), as S3 needs
     * {@code s3:PutObjectLegalHold}.
     *
     * @param name   the hold's name
     * @param reason why (audited)
     * @param scope  what it covers
     * @param actor  who places it
     * @return the hold
     * @throws RuleViolationException {@code docs.hold_not_authorised} (the attempt is audited)
     * @throws NotFoundException      {@code docs.not_found} if the scope lists a document id that
     *                                does not exist in this tenant
     */
    LegalHold placeHold(String name, String reason, HoldScope scope, String actor);

    /**
     * Releases a hold. Documents it protected become disposable again at the next run if
     * their retention has ended and no other hold covers them. Needs an actor the
     * {@link HoldAuthorizer} allows ({@code RELEASE_HOLD}).
     *
     * @param id     the hold
     * @param actor  who releases it
     * @param reason why (audited)
     * @return the released hold (the hold as it was, if it was released already)
     * @throws RuleViolationException {@code docs.hold_not_authorised} (the attempt is audited)
     * @throws NotFoundException      {@code docs.hold_not_found}
     */
    LegalHold releaseHold(HoldId id, String actor, String reason);

    /** Every hold, active and released. */
    List<LegalHold> holds();

    /**
     * The active holds covering a document.
     *
     * @param id the document
     * @return the holds
     */
    List<LegalHold> holdsOn(DocumentId id);

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
     * @param asOf  the date retention is judged by
     * @param actor who runs it (named in each certificate)
     * @return what was done
     * @throws InvalidRequestException if {@code asOf} is after today
     */
    DispositionReport dispose(LocalDate asOf, String actor);

    /**
     * Deletes content whose last live document was disposed of: each hash is re-checked under
     * the tenant lock (a new document may have brought the same content back).
     *
     * @return how many blobs were deleted
     */
    long purgePending();

    // ---------------------------------------------------------------- review queue

    /**
     * Documents waiting for a person's decision, in id order.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}, empty to start
     * @param limit  1 to 1000
     * @return one page
     */
    Page<Document> reviewQueue(Optional<String> cursor, int limit);

    /**
     * Approves the disposal of a document in review: it is deleted with a certificate.
     *
     * @param id    the document
     * @param actor who approves (named in the certificate)
     * @param note  why (in the certificate)
     * @return the certificate
     * @throws RuleViolationException {@code docs.under_hold}
     * @throws ConflictException      {@code docs.wrong_state} if it is not in review
     */
    DisposalCertificate approveDisposal(DocumentId id, String actor, String note);

    // ---------------------------------------------------------------- retention changes

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
     * @param id          the document
     * @param retainUntil the last day to keep it at least through
     * @param actor       who extends it
     * @param reason      why (audited)
     * @return the document as extended
     * @throws InvalidRequestException {@code retainUntil} not after today, not after the current
     *                                 last day of retention, or not after an earlier extension
     * @throws RuleViolationException  {@code docs.hold_not_authorised} (the attempt is audited)
     * @throws ConflictException       {@code docs.wrong_state} if it is archived or disposed
     */
    Document extendRetention(DocumentId id, LocalDate retainUntil, String actor, String reason);

    /**
     * Moves a governance-mode retention's last day earlier. Requires an authorised actor and a
     * reason (audited). Compliance mode: {@code docs.retention_locked}, always.
     * A per-document extension is withdrawn with it (the override is the later decision).
     *
     * @param id          the document
     * @param retainUntil the new last day, before the current one
     * @param actor       who overrides (must be allowed by the {@link OverrideAuthorizer})
     * @param reason      why (audited)
     * @return the document with its new retention
     * @throws RuleViolationException {@code docs.retention_locked}, {@code docs.override_not_authorised}
     */
    Document shortenRetention(DocumentId id, LocalDate retainUntil, String actor, String reason);

    // ---------------------------------------------------------------- deletion

    /**
     * Deletes a document whose retention has ended (active, in review or archived), with a
     * certificate.
     *
     * @param id     the document
     * @param actor  who deletes it (named in the certificate)
     * @param reason why (in the certificate)
     * @return the certificate
     * @throws RuleViolationException {@code docs.under_hold}, {@code docs.retention_active}
     */
    DisposalCertificate delete(DocumentId id, String actor, String reason);

    /**
     * Deletes a document before its governance-mode retention has ended. Requires an actor the
     * {@link OverrideAuthorizer} allows and a reason; both go into the certificate.
     *
     * @param id     the document
     * @param actor  who deletes it
     * @param reason why (in the certificate)
     * @return the certificate
     * @throws RuleViolationException {@code docs.under_hold}, {@code docs.retention_locked} (compliance
     *                                mode: never), {@code docs.override_not_authorised}
     */
    DisposalCertificate deleteEarly(DocumentId id, String actor, String reason);

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
     *
     * @param subject the data subject
     * @param actor   who handles the request
     * @param reason  the request (in each certificate)
     * @return the answer, document by document
     */
    ErasureReport erase(OwnerRef subject, String actor, String reason);
}
