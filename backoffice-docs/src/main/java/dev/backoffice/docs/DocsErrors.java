package dev.backoffice.docs;

/**
 * The stable error codes of the document archive. Every failure is a typed
 * {@link dev.backoffice.core.error.BackofficeException} carrying one of these codes, and
 * nothing was written or deleted.
 */
public final class DocsErrors {
    private DocsErrors() {
    }

    /** No retention policy is defined for the document class ({@code InvalidRequestException}). */
    public static final String UNKNOWN_CLASS = "docs.unknown_class";
    /** The content is empty ({@code InvalidRequestException}). */
    public static final String EMPTY_CONTENT = "docs.empty_content";
    /** The content is larger than the configured limit ({@code InvalidRequestException}). */
    public static final String CONTENT_TOO_LARGE = "docs.content_too_large";
    /** A name (title, file name, key) contains a path separator, a control character or is a dot name ({@code InvalidRequestException}). */
    public static final String INVALID_NAME = "docs.invalid_name";
    /** A stored blob does not hash to its key: it is reported, never served ({@code ContentCorruptedException}). */
    public static final String CONTENT_CORRUPTED = "docs.content_corrupted";
    /** The blob is missing from the blob store ({@code NotFoundException}). */
    public static final String CONTENT_MISSING = "docs.content_missing";
    /** A content hash is not 64 lowercase hex digits ({@code InvalidRequestException}). */
    public static final String INVALID_HASH = "docs.invalid_hash";
    /** No document with that id in this tenant ({@code NotFoundException}). */
    public static final String NOT_FOUND = "docs.not_found";
    /** A document with that id already exists in this tenant ({@code ConflictException}). */
    public static final String ALREADY_EXISTS = "docs.already_exists";
    /** No legal hold with that id in this tenant ({@code NotFoundException}). */
    public static final String HOLD_NOT_FOUND = "docs.hold_not_found";
    /** A legal hold covers the document: nothing may delete or dispose of it ({@code RuleViolationException}). */
    public static final String UNDER_HOLD = "docs.under_hold";
    /** The document is still inside its retention period ({@code RuleViolationException}). */
    public static final String RETENTION_ACTIVE = "docs.retention_active";
    /**
     * A compliance-mode retention would be shortened or ended early, or a compliance policy
     * weakened; nobody may do that, administrators included ({@code RuleViolationException}).
     */
    public static final String RETENTION_LOCKED = "docs.retention_locked";
    /** The actor is not authorised to override a governance-mode retention ({@code RuleViolationException}). */
    public static final String OVERRIDE_NOT_AUTHORISED = "docs.override_not_authorised";
    /** The actor may not place or release a legal hold or extend a retention; the attempt is audited ({@code RuleViolationException}). */
    public static final String HOLD_NOT_AUTHORISED = "docs.hold_not_authorised";
    /** The document is not in the state the operation needs, e.g. already disposed ({@code ConflictException}). */
    public static final String WRONG_STATE = "docs.wrong_state";
    /** Someone changed the document meanwhile; re-read and retry ({@code ConflictException}). */
    public static final String CONCURRENT_CHANGE = "docs.concurrent_change";
    /** A retention policy is malformed ({@code InvalidRequestException}). */
    public static final String INVALID_POLICY = "docs.invalid_policy";
    /** Writing or reading blob content failed for an I/O reason ({@code StorageException}). */
    public static final String IO_FAILURE = "docs.io_failure";
}
