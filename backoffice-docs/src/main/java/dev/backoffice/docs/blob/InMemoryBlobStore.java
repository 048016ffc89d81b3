package dev.backoffice.docs.blob;

import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrorCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Blobs in memory, for tests and demos. Thread-safe. Content is held in the heap, so keep it small. */
public final class InMemoryBlobStore implements BlobStore {

    private final ConcurrentMap<TenantId, ConcurrentMap<ContentHash, byte[]>> blobs = new ConcurrentHashMap<>();

    private InMemoryBlobStore() {
    }

    /** An empty store. */
    public static InMemoryBlobStore create() {
        return new InMemoryBlobStore();
    }

    private ConcurrentMap<ContentHash, byte[]> of(TenantId tenant) {
        return blobs.computeIfAbsent(Check.notNull(tenant, "tenant"), t -> new ConcurrentHashMap<>());
    }

    @Override
    public BlobRef put(TenantId tenant, InputStream content, long maxBytes) {
        Check.notNull(content, "content");
        Check.positive(maxBytes, "maxBytes");
        MessageDigest d = Blobs.sha256();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = content.read(buf)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw Blobs.tooLarge(maxBytes);
                }
                d.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw Blobs.io("reading content", e);
        }
        if (total == 0) {
            throw Blobs.empty();
        }
        ContentHash hash = ContentHash.ofDigest(d.digest());
        of(tenant).putIfAbsent(hash, out.toByteArray());
        return new BlobRef(hash, total);
    }

    @Override
    public InputStream open(TenantId tenant, ContentHash hash) {
        return open(tenant, hash, -1);
    }

    /** {@inheritDoc} A negative {@code size} means unknown: checked at end of data only. */
    @Override
    public InputStream open(TenantId tenant, ContentHash hash, long size) {
        byte[] bytes = of(tenant).get(Check.notNull(hash, "hash"));
        if (bytes == null) {
            throw DocsErrorCode.CONTENT_MISSING.notFound("no blob " + hash + " in tenant " + tenant);
        }
        return new Blobs.Verifying(new ByteArrayInputStream(bytes), hash, size);
    }

    @Override
    public BlobStatus verify(TenantId tenant, ContentHash hash) {
        byte[] bytes = of(tenant).get(Check.notNull(hash, "hash"));
        if (bytes == null) {
            return BlobStatus.MISSING;
        }
        try {
            return Blobs.matches(new ByteArrayInputStream(bytes), hash) ? BlobStatus.INTACT : BlobStatus.CORRUPTED;
        } catch (IOException e) {
            throw Blobs.io("verifying", e);
        }
    }

    @Override
    public boolean exists(TenantId tenant, ContentHash hash) {
        return of(tenant).containsKey(Check.notNull(hash, "hash"));
    }

    @Override
    public boolean delete(TenantId tenant, ContentHash hash) {
        return of(tenant).remove(Check.notNull(hash, "hash")) != null;
    }

    /** Flips a byte of a stored blob: for tests proving corruption is detected. */
    public void corrupt(TenantId tenant, ContentHash hash) {
        byte[] bytes = of(tenant).get(hash);
        if (bytes != null) {
            byte[] copy = bytes.clone();
            copy[0] ^= 0x5a;
            of(tenant).put(hash, copy);
        }
    }
}
