package dev.backoffice.orders;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;

import java.util.Optional;

/**
 * Who asks for a change to an order, and optionally why. Both land in the order's history.
 *
 * @param actor  the user, system or job acting (1-{@value AuditEvent#MAX_ACTOR_LENGTH} characters), e.g. {@code user:alice} or {@code job:nightly}
 * @param reason why, if given (at most {@value AuditEvent#MAX_REASON_LENGTH} characters)
 */
public record By(String actor, Optional<String> reason) {
    public By {
        Check.text(actor, "by.actor", AuditEvent.MAX_ACTOR_LENGTH);
        Check.notNull(reason, "by.reason");
        reason.ifPresent(r -> Check.text(r, "by.reason", AuditEvent.MAX_REASON_LENGTH));
    }

    /** {@code actor}, with no reason. */
    public static By actor(String actor) {
        return new By(actor, Optional.empty());
    }

    /** {@code actor}, because {@code reason}. */
    public static By actor(String actor, String reason) {
        return new By(actor, Optional.of(Check.notNull(reason, "by.reason")));
    }
}
