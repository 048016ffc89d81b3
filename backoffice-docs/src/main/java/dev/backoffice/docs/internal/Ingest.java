package dev.backoffice.docs.internal;

import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.blob.BlobRef;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Content in: a new document with its first version, or a new version of an active one. The
 * content streams to the blob store first; the document row follows in one transaction, and if
 * that fails the content is dropped again unless another document uses it.
 */
final class Ingest {

    private final TenantContext ctx;
    private final Documents documents;

    Ingest(TenantContext ctx, Documents documents) {
        this.ctx = ctx;
        this.documents = documents;
    }

    Document ingest(NewDocument doc, InputStream content) {
        Check.notNull(doc, "document");
        Check.notNull(content, "content");
        if (ctx.store.read().policy(doc.documentClass()).isEmpty()) {
            throw DocsErrors.unknownClass(doc.documentClass());
        }
        BlobRef blob = ctx.settings.blobs().put(ctx.tenant, content, ctx.settings.maxContentBytes());
        try {
            Optional<Document> existing = ctx.store.read().find(doc.id());
            if (existing.isPresent()) {
                if (existing.get().versions().get(0).contentHash().equals(blob.hash())) {
                    return existing.get();
                }
                throw DocsErrorCode.ALREADY_EXISTS.conflict("document " + doc.id() + " already exists with other content");
            }
            Instant now = ctx.now();
            return ctx.store.write(tx -> {
                tx.lockTenant();
                RetentionPolicy policy = tx.lockPolicy(doc.documentClass()).orElseThrow(() -> DocsErrors.unknownClass(doc.documentClass()));
                requireBlob(blob);
                Optional<LocalDate> trigger = RetentionDates.triggerDate(tx, policy, doc.owners(), now, ctx.settings.zone());
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

    Document addVersion(DocumentId id, InputStream content, String mediaType, Optional<String> fileName, String actor) {
        Check.notNull(id, "id");
        Check.notNull(content, "content");
        Names.text(mediaType, "mediaType", DocsLimits.MAX_MEDIA_TYPE_LENGTH);
        Check.notNull(fileName, "fileName");
        fileName.ifPresent(f -> Names.fileName(f, "fileName"));
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Document before = documents.get(id);
        if (before.lifecycle() != Lifecycle.ACTIVE) {
            throw DocsErrors.wrongState(before, "add a version to");
        }
        BlobRef blob = ctx.settings.blobs().put(ctx.tenant, content, ctx.settings.maxContentBytes());
        try {
            Instant now = ctx.now();
            return ctx.store.write(tx -> {
                tx.lockTenant();
                requireBlob(blob);
                Document cur = tx.find(id).orElseThrow(() -> DocsErrors.notFound(ctx.tenant, id));
                if (cur.lifecycle() != Lifecycle.ACTIVE) {
                    throw DocsErrors.wrongState(cur, "add a version to");
                }
                Document next = cur.withVersion(new DocumentVersion(cur.versions().size() + 1, blob.hash(), blob.size(), mediaType,
                        fileName, now, actor));
                if (!tx.replace(cur, next)) {
                    throw DocsErrors.concurrent(id);
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
        if (!ctx.settings.blobs().exists(ctx.tenant, blob.hash())) {
            throw DocsErrorCode.CONCURRENT_CHANGE.conflict("content " + blob.hash() + " was purged concurrently; retry the request");
        }
    }

    private void dropIfUnused(BlobRef blob) {
        try {
            ctx.store.write(tx -> {
                tx.lockTenant();
                if (!tx.contentInUse(blob.hash())) {
                    ctx.settings.blobs().delete(ctx.tenant, blob.hash());
                }
                return null;
            });
        } catch (RuntimeException suppressed) {
            // best effort: an unreferenced blob is harmless
        }
    }
}
