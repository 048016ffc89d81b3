package dev.backoffice.docs;

import dev.backoffice.core.error.ErrorCode;

/**
 * The stable error codes of the document archive, each with the kind of exception that carries
 * it. Whatever fails, nothing was written or deleted.
 *
 * <p>{@link #kind()} names the exception family a code is normally thrown as; the factories of
 * {@link ErrorCode} build it.
 */
public enum DocsErrorCode implements ErrorCode {
    /**
     * No retention policy is defined for the document class ({@code InvalidRequestException}; a
     * {@code NotFoundException} when a policy catalogue is asked for an entry it lacks).
     */
    UNKNOWN_CLASS("docs.unknown_class", Kind.INVALID),
    /** The content is empty ({@code InvalidRequestException}). */
    EMPTY_CONTENT("docs.empty_content", Kind.INVALID),
    /** The content is larger than the configured limit ({@code InvalidRequestException}). */
    CONTENT_TOO_LARGE("docs.content_too_large", Kind.INVALID),
    /** A name (title, file name, key) contains a path separator, a control character or is a dot name ({@code InvalidRequestException}). */
    INVALID_NAME("docs.invalid_name", Kind.INVALID),
    /** A stored blob does not hash to its key: it is reported, never served ({@code ContentCorruptedException}). */
    CONTENT_CORRUPTED("docs.content_corrupted", Kind.STORAGE),
    /** The blob is missing from the blob store ({@code NotFoundException}). */
    CONTENT_MISSING("docs.content_missing", Kind.NOT_FOUND),
    /** A content hash is not 64 lowercase hex digits ({@code InvalidRequestException}). */
    INVALID_HASH("docs.invalid_hash", Kind.INVALID),
    /** No document with that id in this tenant ({@code NotFoundException}). */
    NOT_FOUND("docs.not_found", Kind.NOT_FOUND),
    /** A document with that id already exists in this tenant ({@code ConflictException}). */
    ALREADY_EXISTS("docs.already_exists", Kind.CONFLICT),
    /** No legal hold with that id in this tenant ({@code NotFoundException}). */
    HOLD_NOT_FOUND("docs.hold_not_found", Kind.NOT_FOUND),
    /** A legal hold covers the document: nothing may delete or dispose of it ({@code RuleViolationException}). */
    UNDER_HOLD("docs.under_hold", Kind.RULE),
    /** The document is still inside its retention period ({@code RuleViolationException}). */
    RETENTION_ACTIVE("docs.retention_active", Kind.RULE),
    /**
     * A compliance-mode retention would be shortened or ended early, or a compliance policy
     * weakened; nobody may do that, administrators included ({@code RuleViolationException}).
     */
    RETENTION_LOCKED("docs.retention_locked", Kind.RULE),
    /** The actor is not authorised to override a governance-mode retention ({@code RuleViolationException}). */
    OVERRIDE_NOT_AUTHORISED("docs.override_not_authorised", Kind.RULE),
    /** The actor may not place or release a legal hold or extend a retention; the attempt is audited ({@code RuleViolationException}). */
    HOLD_NOT_AUTHORISED("docs.hold_not_authorised", Kind.RULE),
    /** The document is not in the state the operation needs, e.g. already disposed ({@code ConflictException}). */
    WRONG_STATE("docs.wrong_state", Kind.CONFLICT),
    /** Someone changed the document meanwhile; re-read and retry ({@code ConflictException}). */
    CONCURRENT_CHANGE("docs.concurrent_change", Kind.CONFLICT),
    /** A retention policy is malformed ({@code InvalidRequestException}). */
    INVALID_POLICY("docs.invalid_policy", Kind.INVALID),
    /** Writing or reading blob content failed for an I/O reason ({@code StorageException}). */
    IO_FAILURE("docs.io_failure", Kind.STORAGE);

    private final String code;
    private final Kind kind;

    DocsErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
