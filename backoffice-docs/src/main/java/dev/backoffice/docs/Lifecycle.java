package dev.backoffice.docs;

/** Where a document is in its life. Only {@link #ACTIVE} documents are ever due for disposition. */
public enum Lifecycle {
    /** Kept under its retention policy (or waiting for the event that starts it). */
    ACTIVE,
    /** Retention ended with action REVIEW: waiting in the review queue for a person's decision. */
    REVIEW,
    /** Retention ended with action ARCHIVE: kept permanently as an archived record. */
    ARCHIVED,
    /** Content destroyed and metadata scrubbed; only this tombstone and the audit certificate remain. */
    DISPOSED
}
