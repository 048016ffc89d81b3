package dev.backoffice.docs;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A write transaction of a {@link TenantDocumentStore}: reads see its own writes, and
 * everything lands together or not at all. In a JDBC store an audit append made inside it (to
 * a {@code JdbcAuditStore} of the same data source) is part of it.
 */
public interface DocumentTx extends DocumentReads {

    /**
     * Takes the tenant's exclusive lock until the end of the transaction. Placing or releasing
     * a hold and every disposal batch take it, so a hold placed concurrently with a disposal
     * run is either seen by it or placed after it.
     */
    void lockTenant();

    /** Reads a policy and locks it until the end of the transaction (ingest vs. policy change). */
    Optional<RetentionPolicy> lockPolicy(DocumentClass documentClass);

    /** Creates or replaces the policy of its class. */
    void putPolicy(RetentionPolicy policy);

    /**
     * Stores a new document.
     *
     * @throws ConflictException {@code docs.already_exists} if the id is taken
     */
    void insert(Document document);

    /** Stores many new documents (batched in JDBC stores). */
    default void insertAll(List<Document> documents) {
        documents.forEach(this::insert);
    }

    /**
     * Replaces {@code expected} by {@code updated} (same id) if the stored document still has
     * the lifecycle, retention dates (trigger, retain-until, extension) and version count of
     * {@code expected}; returns whether it
     * did. The compare-and-set every lifecycle change goes through.
     */
    boolean replace(Document expected, Document updated);

    /** Creates or replaces a hold. */
    void putHold(LegalHold hold);

    /** Records (or moves) the date of a business event for an owner. */
    void putEvent(OwnerRef owner, String event, LocalDate date);

    /** Queues a content hash for deletion from the blob store. */
    void addPurge(ContentHash hash);

    /** Removes a hash from the purge queue. */
    void removePurge(ContentHash hash);

    /** Queues many hashes for deletion (batched in JDBC stores). */
    default void addPurges(java.util.Collection<ContentHash> hashes) {
        hashes.forEach(this::addPurge);
    }

    /** Removes many hashes from the purge queue (one statement in JDBC stores). */
    default void removePurges(java.util.Collection<ContentHash> hashes) {
        hashes.forEach(this::removePurge);
    }
}
