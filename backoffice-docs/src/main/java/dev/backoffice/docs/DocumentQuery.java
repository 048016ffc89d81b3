package dev.backoffice.docs;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A search over one tenant's documents: every given criterion must hold (date ranges: by
 * creation instant and by last day of retention). Results come in id
 * order (creation order for generated ids).
 *
 * @param documentClass   only this class
 * @param owner           only documents with this owner reference
 * @param metadata        only documents whose metadata has each of these key/value pairs
 * @param createdFrom     created at or after
 * @param createdBefore   created before
 * @param retainUntilFrom last day of retention on or after (documents without one never match)
 * @param retainUntilBefore last day of retention before
 * @param includeDisposed whether tombstones of disposed documents are included
 */
public record DocumentQuery(Optional<DocumentClass> documentClass, Optional<OwnerRef> owner, SortedMap<String, String> metadata,
                            Optional<Instant> createdFrom, Optional<Instant> createdBefore, Optional<LocalDate> retainUntilFrom,
                            Optional<LocalDate> retainUntilBefore, boolean includeDisposed) {

    public DocumentQuery {
        Check.notNull(documentClass, "documentClass");
        Check.notNull(owner, "owner");
        metadata = Collections.unmodifiableSortedMap(new TreeMap<>(Check.notNull(metadata, "metadata")));
        Check.notNull(createdFrom, "createdFrom");
        Check.notNull(createdBefore, "createdBefore");
        Check.notNull(retainUntilFrom, "retainUntilFrom");
        Check.notNull(retainUntilBefore, "retainUntilBefore");
    }

    /** Every live document. */
    public static DocumentQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code d} satisfies this query. */
    public boolean matches(Document d) {
        if (!includeDisposed && d.lifecycle() == Lifecycle.DISPOSED) {
            return false;
        }
        if (documentClass.isPresent() && !documentClass.get().equals(d.documentClass())) {
            return false;
        }
        if (owner.isPresent() && !d.owners().contains(owner.get())) {
            return false;
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (!e.getValue().equals(d.metadata().get(e.getKey()))) {
                return false;
            }
        }
        if (createdFrom.isPresent() && d.createdAt().isBefore(createdFrom.get())) {
            return false;
        }
        if (createdBefore.isPresent() && !d.createdAt().isBefore(createdBefore.get())) {
            return false;
        }
        if (retainUntilFrom.isPresent() && (d.retainUntil().isEmpty() || d.retainUntil().get().isBefore(retainUntilFrom.get()))) {
            return false;
        }
        return retainUntilBefore.isEmpty() || (d.retainUntil().isPresent() && d.retainUntil().get().isBefore(retainUntilBefore.get()));
    }

    /** Builds a {@link DocumentQuery}. */
    public static final class Builder {
        private DocumentClass documentClass;
        private OwnerRef owner;
        private final TreeMap<String, String> metadata = new TreeMap<>();
        private Instant createdFrom;
        private Instant createdBefore;
        private LocalDate retainUntilFrom;
        private LocalDate retainUntilBefore;
        private boolean includeDisposed;

        public Builder documentClass(DocumentClass c) {
            this.documentClass = c;
            return this;
        }

        public Builder owner(OwnerRef owner) {
            this.owner = owner;
            return this;
        }

        public Builder metadata(String key, String value) {
            metadata.put(NewDocument.metaKey(key), Check.notNull(value, "metadata value"));
            return this;
        }

        /** Created in [from, before). */
        public Builder createdBetween(Instant from, Instant before) {
            this.createdFrom = from;
            this.createdBefore = before;
            return this;
        }

        /** Last day of retention in [from, before). */
        public Builder retainUntilBetween(LocalDate from, LocalDate before) {
            this.retainUntilFrom = from;
            this.retainUntilBefore = before;
            return this;
        }

        public Builder includeDisposed(boolean include) {
            this.includeDisposed = include;
            return this;
        }

        public DocumentQuery build() {
            return new DocumentQuery(Optional.ofNullable(documentClass), Optional.ofNullable(owner), metadata,
                    Optional.ofNullable(createdFrom), Optional.ofNullable(createdBefore), Optional.ofNullable(retainUntilFrom),
                    Optional.ofNullable(retainUntilBefore), includeDisposed);
        }
    }
}
