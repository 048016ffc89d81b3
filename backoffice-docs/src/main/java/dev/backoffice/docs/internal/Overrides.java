package dev.backoffice.docs.internal;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.OverrideAuthorizer;
import dev.backoffice.docs.retention.RetentionMode;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may let a document go sooner than its policy says: never anyone in compliance mode; in
 * governance mode an actor the {@link OverrideAuthorizer} allows, with a reason. Asked when a
 * governance policy is weakened, a retention shortened, and (through the {@link RemovalGuard})
 * a document deleted early.
 */
final class Overrides {

    private final OverrideAuthorizer authorizer;

    Overrides(OverrideAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /**
     * Throws unless {@code d}'s retention under {@code p} may be ended early by {@code actor}:
     * {@code docs.retention_locked} in compliance mode (whoever asks), else as {@link #requireOverride}.
     */
    void requireGovernanceOverride(String actor, RetentionPolicy p, Document d, Optional<String> reason) {
        if (p.mode() == RetentionMode.COMPLIANCE) {
            throw DocsErrorCode.RETENTION_LOCKED.rule("document " + d.id() + " is under compliance-mode retention '"
                    + p.name() + "' until " + d.retainUntil().map(LocalDate::toString).orElse("its event + " + p.period())
                    + ": nobody can shorten it or delete it early");
        }
        requireOverride(actor, p, reason);
    }

    /** Throws {@code docs.override_not_authorised} unless the authoriser allows {@code actor}, and an invalid request without a reason. */
    void requireOverride(String actor, RetentionPolicy p, Optional<String> reason) {
        if (!authorizer.mayOverride(actor, p)) {
            throw DocsErrorCode.OVERRIDE_NOT_AUTHORISED.rule(actor + " may not override the governance-mode retention '" + p.name() + "'");
        }
        if (reason.isEmpty() || reason.get().isBlank()) {
            throw InvalidRequestException.of("reason", "an override needs a reason (it is audited)", reason.orElse(null));
        }
    }
}
