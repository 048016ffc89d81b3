package dev.backoffice.docs;

import dev.backoffice.core.validation.Check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An archived document: what it is, whom it belongs to, its versions, and where it stands in
 * its retention.
 *
 * <p>{@code retainUntil} is computed when the document is ingested, or when the business event
 * its policy waits for is recorded, and stored (indexed), so "what is due on D" is a range
 * scan. It is empty while the event has not happened: such a document is never due.
 *
 * <p>{@code extendedUntil} is a person's extension ({@code extendRetention}), stored apart from
 * the policy's date: {@code retainUntil} is always the later of the two, and stays so when the
 * policy changes or the event is recorded. On a document still waiting for its event the
 * extension is only a floor: {@code retainUntil} stays empty until the event, then becomes the
 * later of the policy's date and the floor.
 *
 * @param id            its id
 * @param documentClass its class, which selects the retention policy
 * @param title         display title (no control characters)
 * @param mediaType     media type of the first version
 * @param owners        typed references to what it belongs to, sorted, no duplicates
 * @param metadata      free key/value facts, searchable by exact value
 * @param createdAt     when it was ingested
 * @param versions      every version, oldest first
 * @param lifecycle     active, in review, archived or disposed
 * @param triggerDate   the date the retention counts from, once known
 * @param retainUntil   the last day of retention, once known
 * @param disposedAt    when it was disposed of, erased or archived or queued for review
 * @param extendedUntil the last day a person extended the retention to, if anyone did
 */
public record Document(DocumentId id, DocumentClass documentClass, String title, String mediaType, List<OwnerRef> owners,
                       SortedMap<String, String> metadata, Instant createdAt, List<DocumentVersion> versions,
                       Lifecycle lifecycle, Optional<LocalDate> triggerDate, Optional<LocalDate> retainUntil,
                       Optional<Instant> disposedAt, Optional<LocalDate> extendedUntil) {

    /** The title a disposed document keeps. */
    public static final String DISPOSED_TITLE = "(disposed)";

    public Document {
        Check.notNull(id, "id");
        Check.notNull(documentClass, "documentClass");
        Names.text(title, "title", DocsLimits.MAX_TITLE_LENGTH);
        Names.text(mediaType, "mediaType", DocsLimits.MAX_MEDIA_TYPE_LENGTH);
        owners = List.copyOf(new java.util.TreeSet<>(Check.notNull(owners, "owners")));
        Check.notNull(metadata, "metadata");
        TreeMap<String, String> meta = new TreeMap<>();
        metadata.forEach((k, v) -> meta.put(NewDocument.metaKey(k), Names.text(v, "metadata[" + k + "]", DocsLimits.MAX_METADATA_VALUE_LENGTH)));
        metadata = Collections.unmodifiableSortedMap(meta);
        Check.notNull(createdAt, "createdAt");
        versions = List.copyOf(Check.notEmpty(versions, "versions"));
        for (int i = 0; i < versions.size(); i++) {
            Check.that(versions.get(i).number() == i + 1, "versions", "must be numbered 1, 2, 3... in order", versions.get(i).number());
        }
        Check.notNull(lifecycle, "lifecycle");
        Check.notNull(triggerDate, "triggerDate");
        Check.notNull(retainUntil, "retainUntil");
        Check.notNull(disposedAt, "disposedAt");
        if (extendedUntil == null) {
            extendedUntil = Optional.empty(); // JSON written before extensions were stored apart
        }
    }

    /** A document nobody has extended. */
    public Document(DocumentId id, DocumentClass documentClass, String title, String mediaType, List<OwnerRef> owners,
                    SortedMap<String, String> metadata, Instant createdAt, List<DocumentVersion> versions,
                    Lifecycle lifecycle, Optional<LocalDate> triggerDate, Optional<LocalDate> retainUntil,
                    Optional<Instant> disposedAt) {
        this(id, documentClass, title, mediaType, owners, metadata, createdAt, versions, lifecycle, triggerDate, retainUntil,
                disposedAt, Optional.empty());
    }

    /** The newest version. */
    public DocumentVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** Version {@code number}, if it exists. */
    public Optional<DocumentVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    /** Whether retention has ended by {@code asOf}: {@code asOf} is after the last day of retention. */
    public boolean retentionEndedBy(LocalDate asOf) {
        return retainUntil.isPresent() && asOf.isAfter(retainUntil.get());
    }

    /** This document at another point of its life (all other fields unchanged). */
    public Document with(Lifecycle lifecycle, Optional<LocalDate> triggerDate, Optional<LocalDate> retainUntil, Optional<Instant> disposedAt) {
        return new Document(id, documentClass, title, mediaType, owners, metadata, createdAt, versions, lifecycle,
                triggerDate, retainUntil, disposedAt, extendedUntil);
    }

    /** This document with another per-document extension (all other fields unchanged). */
    public Document withExtension(Optional<LocalDate> extendedUntil) {
        return new Document(id, documentClass, title, mediaType, owners, metadata, createdAt, versions, lifecycle,
                triggerDate, retainUntil, disposedAt, extendedUntil);
    }

    /** This document with one more version. */
    public Document withVersion(DocumentVersion version) {
        List<DocumentVersion> vs = new java.util.ArrayList<>(versions);
        vs.add(version);
        return new Document(id, documentClass, title, mediaType, owners, metadata, createdAt, vs, lifecycle,
                triggerDate, retainUntil, disposedAt, extendedUntil);
    }

    /**
     * The tombstone left after disposal: title, owners, metadata and file names scrubbed
     * (they may be personal data); class, dates and content hashes kept as evidence.
     */
    public Document disposed(Instant at) {
        List<DocumentVersion> vs = versions.stream().map(v -> new DocumentVersion(v.number(), v.contentHash(), v.size(),
                v.mediaType(), Optional.empty(), v.addedAt(), v.addedBy())).toList();
        return new Document(id, documentClass, DISPOSED_TITLE, mediaType, List.of(), new TreeMap<>(), createdAt, vs,
                Lifecycle.DISPOSED, triggerDate, retainUntil, Optional.of(at), extendedUntil);
    }
}
