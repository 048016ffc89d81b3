package dev.backoffice.docs.retention;

/** What disposition does with a document whose retention has ended. */
public enum DispositionAction {
    /** Destroy the content and scrub the metadata; a certificate goes to the audit log. */
    DELETE,
    /** Keep it permanently as an archived record (no longer due); a certificate goes to the audit log. */
    ARCHIVE,
    /** Put it in the review queue, where a person approves its disposal or extends its retention. */
    REVIEW
}
