package dev.backoffice.docs;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a document's content. Versions are numbered from 1 and never change or
 * disappear while the document lives; adding a version keeps every earlier one.
 *
 * @param number      1, 2, 3...
 * @param contentHash SHA-256 of the content, its key in the {@code BlobStore}
 * @param size        content length in bytes, at least 1
 * @param mediaType   e.g. {@code application/pdf}
 * @param fileName    the original file name, if given (no path separators or control characters)
 * @param addedAt     when it was added
 * @param addedBy     who added it
 */
public record DocumentVersion(int number, ContentHash contentHash, long size, String mediaType, Optional<String> fileName,
                              Instant addedAt, String addedBy) {
    public DocumentVersion {
        Check.positive(number, "number");
        Check.notNull(contentHash, "contentHash");
        Check.positive(size, "size");
        Names.text(mediaType, "mediaType", DocsLimits.MAX_MEDIA_TYPE_LENGTH);
        Check.notNull(fileName, "fileName");
        fileName.ifPresent(f -> Names.fileName(f, "fileName"));
        Check.notNull(addedAt, "addedAt");
        Names.text(addedBy, "addedBy", DocsLimits.MAX_NAME_LENGTH);
    }
}
