package dev.backoffice.docs;

import dev.backoffice.core.audit.AuditEvent;

/**
 * The archive's explicit limits on text, checked once at the API door (the value records and
 * {@link TenantArchive}'s methods), so every store accepts and refuses the same input. Content
 * size is configured per archive ({@link Archive#DEFAULT_MAX_CONTENT_BYTES}).
 */
public final class DocsLimits {

    /** Longest actor accepted (characters): the audit log's limit. */
    public static final int MAX_ACTOR_LENGTH = AuditEvent.MAX_ACTOR_LENGTH;
    /** Longest name of a legal hold or retention policy, and longest {@code addedBy} / {@code placedBy} (characters). */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest reason or note (a hold, a release, an override, a review decision) (characters). */
    public static final int MAX_REASON_LENGTH = 2000;
    /** Longest document title (characters). */
    public static final int MAX_TITLE_LENGTH = 500;
    /** Longest media type (characters), as RFC 6838 allows. */
    public static final int MAX_MEDIA_TYPE_LENGTH = 255;
    /** Longest metadata value (characters). */
    public static final int MAX_METADATA_VALUE_LENGTH = 1000;
    /** Longest legal source cited by a retention policy (characters). */
    public static final int MAX_POLICY_SOURCE_LENGTH = 500;

    private DocsLimits() {
    }
}
