package dev.backoffice.docs.blob;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.ContentCorruptedException;
import dev.backoffice.docs.ContentHash;

import java.io.InputStream;

/**
 * Content-addressed storage of document content, per tenant, keyed by SHA-256.
 *
 * <p>Implementations: {@link FileSystemBlobStore} (the default: atomic write via temp file,
 * fsync, rename) and {@link InMemoryBlobStore} (tests). Content is streamed in both
 * directions, so a 2 GB file never needs 2 GB of heap (in the file system store), and
 * verified on read.
 */
public interface BlobStore {

    /**
     * Stores the content read from {@code content} (to its end; the caller closes it) and
     * returns its key. Storing content that is already there is a no-op returning the same key.
     *
     * @param maxBytes the largest content accepted
     * @throws InvalidRequestException {@code docs.empty_content} or {@code docs.content_too_large};
     *                                 nothing is stored
     */
    BlobRef put(TenantId tenant, InputStream content, long maxBytes);

    /**
     * Opens the content for reading. The stream hashes what it serves and, at the end,
     * throws {@link ContentCorruptedException} instead of reporting end of data if the bytes
     * do not match the key. Close it after use.
     *
     * @throws NotFoundException {@code docs.content_missing} if there is no such blob
     */
    InputStream open(TenantId tenant, ContentHash hash);

    /**
     * Opens the content for reading when its size is known (a document version's): the stream
     * checks the hash by the time the last of {@code size} bytes is delivered. The read that
     * would deliver it throws {@link ContentCorruptedException} instead if the bytes do not
     * match the key; so do a read past {@code size} and an end of data before it. A caller
     * that stops after exactly {@code size} bytes has read verified content.
     * A negative {@code size} means unknown: as {@link #open(TenantId, ContentHash)}.
     *
     * <p>The default wraps {@link #open(TenantId, ContentHash)} (hashing twice); the stores of
     * this package hash once.
     *
     * @throws NotFoundException {@code docs.content_missing} if there is no such blob
     */
    default InputStream open(TenantId tenant, ContentHash hash, long size) {
        return Blobs.verifying(open(tenant, hash), hash, size);
    }

    /** Reads the whole blob and checks it against its key without serving it. */
    BlobStatus verify(TenantId tenant, ContentHash hash);

    /** Whether the blob exists (its integrity unchecked). */
    boolean exists(TenantId tenant, ContentHash hash);

    /** Deletes the blob; returns whether it existed. Idempotent. */
    boolean delete(TenantId tenant, ContentHash hash);
}
