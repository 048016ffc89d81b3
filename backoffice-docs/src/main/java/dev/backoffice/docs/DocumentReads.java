package dev.backoffice.docs;

import dev.backoffice.core.store.TenantReads;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reads a {@link TenantDocumentStore} offers: committed data through
 * {@link TenantDocumentStore#read()}, and its own writes inside a {@link DocumentTx}.
 * Everything is scoped to {@link #tenant()}.
 */
public interface DocumentReads extends TenantReads {

    /** The document, if it exists in this tenant. */
    Optional<Document> find(DocumentId id);

    /** The retention policy of a class. */
    Optional<RetentionPolicy> policy(DocumentClass documentClass);

    /** Every policy, by class. */
    List<RetentionPolicy> policies();

    /** Every hold (active and released), by id. */
    List<LegalHold> holds();

    /** The holds still in force. */
    default List<LegalHold> activeHolds() {
        return holds().stream().filter(LegalHold::active).toList();
    }

    /** A hold by id. */
    Optional<LegalHold> hold(HoldId id);

    /** The date a business event was recorded for an owner. */
    Optional<LocalDate> event(OwnerRef owner, String event);

    /** Documents matching {@code query}, by id, after {@code after}, at most {@code limit}. */
    List<Document> search(DocumentQuery query, Optional<DocumentId> after, int limit);

    /**
     * ACTIVE documents whose last day of retention is before {@code asOf}, ordered by
     * (retainUntil, id), strictly after the cursor, at most {@code limit}. Indexed: cost is
     * proportional to the result, not to the archive.
     */
    List<Document> due(LocalDate asOf, Optional<DueCursor> after, int limit);

    /** Documents in a lifecycle state, by id, after {@code after}, at most {@code limit}. */
    List<Document> inState(Lifecycle lifecycle, Optional<DocumentId> after, int limit);

    /** Whether any document that is not disposed has a version with this content. */
    boolean contentInUse(ContentHash hash);

    /** Which of {@code hashes} some document that is not disposed still uses (one query in JDBC stores). */
    default java.util.Set<ContentHash> contentInUse(java.util.Collection<ContentHash> hashes) {
        java.util.Set<ContentHash> out = new java.util.HashSet<>();
        for (ContentHash h : hashes) {
            if (contentInUse(h)) {
                out.add(h);
            }
        }
        return out;
    }

    /** Content hashes queued for deletion from the blob store (after a disposal committed). */
    List<ContentHash> pendingPurges(int limit);

    /**
     * A position in the due listing.
     *
     * @param retainUntil last day of retention of the last document seen
     * @param id          its id
     */
    record DueCursor(LocalDate retainUntil, DocumentId id) {
    }
}
