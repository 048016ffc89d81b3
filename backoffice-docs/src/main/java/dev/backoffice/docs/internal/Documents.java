package dev.backoffice.docs.internal;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.blob.BlobStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One document and its content, read back: verified against its hash on every read. */
final class Documents {

    private final TenantContext ctx;

    Documents(TenantContext ctx) {
        this.ctx = ctx;
    }

    Optional<Document> find(DocumentId id) {
        return ctx.store.read().find(Check.notNull(id, "id"));
    }

    Document get(DocumentId id) {
        return find(id).orElseThrow(() -> DocsErrors.notFound(ctx.tenant, id));
    }

    InputStream openContent(DocumentId id, int version) {
        Document d = get(id);
        if (d.lifecycle() == Lifecycle.DISPOSED) {
            throw DocsErrors.wrongState(d, "read");
        }
        DocumentVersion v = d.version(version).orElseThrow(() -> InvalidRequestException.of("version",
                "must be 1 to " + d.versions().size(), version));
        return ctx.settings.blobs().open(ctx.tenant, v.contentHash(), v.size());
    }

    byte[] readContent(DocumentId id, int version) {
        try (InputStream in = openContent(id, version)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw DocsErrorCode.IO_FAILURE.storage("reading content: " + e.getMessage(), e);
        }
    }

    Map<Integer, BlobStatus> verify(DocumentId id) {
        Document d = get(id);
        Map<Integer, BlobStatus> out = new TreeMap<>();
        if (d.lifecycle() == Lifecycle.DISPOSED) {
            return out;
        }
        for (DocumentVersion v : d.versions()) {
            out.put(v.number(), ctx.settings.blobs().verify(ctx.tenant, v.contentHash()));
        }
        return out;
    }
}
