package dev.backoffice.docs;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What to ingest, besides the content stream. Build with {@link #builder(DocumentClass, String)}.
 *
 * @param id            the id to use (a retried ingest with the same id and content is idempotent)
 * @param documentClass its class; a retention policy must exist for it
 * @param title         display title
 * @param mediaType     e.g. {@code application/pdf}
 * @param fileName      original file name, if any
 * @param owners        typed owner references
 * @param metadata      searchable key/value facts; keys are {@code [a-z][a-z0-9._-]*}, at most 64 characters
 * @param actor         who ingests it
 */
public record NewDocument(DocumentId id, DocumentClass documentClass, String title, String mediaType, Optional<String> fileName,
                          List<OwnerRef> owners, SortedMap<String, String> metadata, String actor) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    public NewDocument {
        Check.notNull(id, "id");
        Check.notNull(documentClass, "documentClass");
        Names.text(title, "title", DocsLimits.MAX_TITLE_LENGTH);
        Names.text(mediaType, "mediaType", DocsLimits.MAX_MEDIA_TYPE_LENGTH);
        Check.notNull(fileName, "fileName");
        fileName.ifPresent(f -> Names.fileName(f, "fileName"));
        owners = List.copyOf(new java.util.TreeSet<>(Check.notNull(owners, "owners")));
        Check.notNull(metadata, "metadata");
        TreeMap<String, String> meta = new TreeMap<>();
        metadata.forEach((k, v) -> meta.put(metaKey(k), Names.text(v, "metadata[" + k + "]", DocsLimits.MAX_METADATA_VALUE_LENGTH)));
        metadata = Collections.unmodifiableSortedMap(meta);
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
    }

    static String metaKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw DocsErrorCode.INVALID_NAME.invalid("metadata", "keys must be 1-64 characters of lowercase letters, digits, '.', '_' or '-'", key);
        }
        return key;
    }

    /** A builder for a document of {@code documentClass} titled {@code title}. */
    public static Builder builder(DocumentClass documentClass, String title) {
        return new Builder(documentClass, title);
    }

    /** Builds a {@link NewDocument}. Defaults: a fresh id, media type {@code application/octet-stream}, actor {@code system}. */
    public static final class Builder {
        private DocumentId id = DocumentId.newId();
        private final DocumentClass documentClass;
        private final String title;
        private String mediaType = "application/octet-stream";
        private String fileName;
        private final List<OwnerRef> owners = new ArrayList<>();
        private final Map<String, String> metadata = new TreeMap<>();
        private String actor = "system";

        private Builder(DocumentClass documentClass, String title) {
            this.documentClass = documentClass;
            this.title = title;
        }

        public Builder id(DocumentId id) {
            this.id = id;
            return this;
        }

        public Builder mediaType(String mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        public Builder fileName(String fileName) {
            this.fileName = fileName;
            return this;
        }

        public Builder owner(OwnerRef owner) {
            owners.add(Check.notNull(owner, "owner"));
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public NewDocument build() {
            return new NewDocument(id, documentClass, title, mediaType, Optional.ofNullable(fileName), owners,
                    new TreeMap<>(metadata), actor);
        }
    }
}
