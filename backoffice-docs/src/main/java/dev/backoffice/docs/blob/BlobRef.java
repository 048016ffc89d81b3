package dev.backoffice.docs.blob;

import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.ContentHash;

/**
 * A stored blob: its key and length.
 *
 * @param hash SHA-256 of the content
 * @param size length in bytes
 */
public record BlobRef(ContentHash hash, long size) {
    public BlobRef {
        Check.notNull(hash, "hash");
        Check.positive(size, "size");
    }
}
