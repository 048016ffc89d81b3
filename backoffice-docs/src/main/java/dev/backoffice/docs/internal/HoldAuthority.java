package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.HoldAuthorizer;

import java.util.Map;
import java.util.TreeMap;

/** Who may keep documents longer: place and release holds, extend retentions ({@link HoldAuthorizer}). */
final class HoldAuthority {

    private final TenantContext ctx;

    HoldAuthority(TenantContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Throws {@code docs.hold_not_authorised} unless the {@link HoldAuthorizer} allows
     * {@code actor} to do {@code action}; a refusal is first appended to the audit log (in its
     * own transaction, so it stays when the refused call changes nothing).
     */
    void require(String actor, HoldAuthorizer.Action action, String subject, Map<String, String> details) {
        if (ctx.settings.holdAuthorizer().may(actor, action)) {
            return;
        }
        Map<String, String> d = new TreeMap<>(details);
        d.put("attempted", action.name());
        ctx.audit.append(AuditEvent.of(actor, DocsErrorCode.HOLD_NOT_AUTHORISED.code(), subject, d));
        throw DocsErrorCode.HOLD_NOT_AUTHORISED.rule("actor: " + actor + " may not " + switch (action) {
            case PLACE_HOLD -> "place a legal hold";
            case RELEASE_HOLD -> "release a legal hold";
            case EXTEND_RETENTION -> "extend a retention";
        } + " (HoldAuthorizer)");
    }
}
