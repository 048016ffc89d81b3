package dev.backoffice.docs;

import dev.backoffice.docs.retention.RetentionPolicy;

/**
 * Decides who may override a governance-mode retention (shorten it, delete early, weaken a
 * governance policy). It is never consulted for compliance mode: there nobody may.
 */
@FunctionalInterface
public interface OverrideAuthorizer {

    /** Nobody may override: the default. */
    OverrideAuthorizer NOBODY = (actor, policy) -> false;

    /** Whether {@code actor} may override retentions under {@code policy}. */
    boolean mayOverride(String actor, RetentionPolicy policy);
}
