package dev.backoffice.docs;

import dev.backoffice.core.error.StorageException;

/**
 * A stored blob does not hash to its key (or has the wrong length): it was altered or damaged
 * at rest. Code {@code docs.content_corrupted}. Thrown before a verifying stream reports end
 * of data, so a reader that reads to the end never accepts corrupted content.
 */
public class ContentCorruptedException extends StorageException {
    public ContentCorruptedException(String message) {
        super(DocsErrorCode.CONTENT_CORRUPTED.code(), message, null);
    }
}
