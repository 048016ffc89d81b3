package dev.backoffice.docs;

/**
 * Decides who may place or release a legal hold, and who may extend a document's retention:
 * the actions that keep documents longer than their policy says. Separate from the
 * {@link OverrideAuthorizer} (which lets documents go sooner), as S3 Object Lock separates
 * {@code s3:PutObjectLegalHold} and {@code s3:PutObjectRetention} from
 * {@code s3:BypassGovernanceRetention}. A refused attempt throws
 * {@code docs.hold_not_authorised} and is recorded in the audit log.
 */
@FunctionalInterface
public interface HoldAuthorizer {

    /** Nobody may: the default. */
    HoldAuthorizer NOBODY = (actor, action) -> false;

    /** What the actor is trying to do. */
    enum Action {
        /** Place a legal hold ({@code placeHold}). */
        PLACE_HOLD,
        /** Release a legal hold ({@code releaseHold}). */
        RELEASE_HOLD,
        /** Extend a document's retention ({@code extendRetention}). */
        EXTEND_RETENTION
    }

    /** Whether {@code actor} may do {@code action}. */
    boolean may(String actor, Action action);
}
