package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.HoldAuthorizer;
import dev.backoffice.docs.HoldId;
import dev.backoffice.docs.HoldScope;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.Names;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Legal holds: placed and released under the tenant lock (so a disposition batch either sees a
 * hold or runs before it), by actors the {@link HoldAuthorizer} allows, audited. What a hold
 * protects is decided by the {@link RemovalGuard}, not here.
 */
final class Holds {

    private final TenantContext ctx;
    private final HoldAuthority authority;
    private final Documents documents;

    Holds(TenantContext ctx, HoldAuthority authority, Documents documents) {
        this.ctx = ctx;
        this.authority = authority;
        this.documents = documents;
    }

    LegalHold placeHold(String name, String reason, HoldScope scope, String actor) {
        Names.text(name, "name", DocsLimits.MAX_NAME_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        Check.notNull(scope, "scope");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        LegalHold hold = new LegalHold(HoldId.newId(), name, reason, scope, ctx.now(), actor, Optional.empty(), Optional.empty());
        authority.require(actor, HoldAuthorizer.Action.PLACE_HOLD, "hold/" + hold.id(), Map.of("name", name));
        return ctx.store.write(tx -> {
            tx.lockTenant();
            for (int i = 0; i < scope.documents().size(); i++) {
                DocumentId listed = scope.documents().get(i);
                if (tx.find(listed).isEmpty()) {
                    throw DocsErrorCode.NOT_FOUND.notFound("scope.documents[" + i + "]: document " + listed
                            + " not found in tenant " + ctx.tenant + "; a hold can only name existing documents");
                }
            }
            tx.putHold(hold);
            ctx.audit.append(AuditEvent.of(actor, "docs.hold_placed", "hold/" + hold.id(), Map.of("name", name, "reason", reason)));
            return hold;
        });
    }

    LegalHold releaseHold(HoldId id, String actor, String reason) {
        Check.notNull(id, "id");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        authority.require(actor, HoldAuthorizer.Action.RELEASE_HOLD, "hold/" + id, Map.of());
        return ctx.store.write(tx -> {
            tx.lockTenant();
            LegalHold h = tx.hold(id).orElseThrow(() -> DocsErrorCode.HOLD_NOT_FOUND.notFound("no hold " + id + " in tenant " + ctx.tenant));
            if (!h.active()) {
                return h;
            }
            LegalHold released = h.released(ctx.now(), actor);
            tx.putHold(released);
            ctx.audit.append(AuditEvent.of(actor, "docs.hold_released", "hold/" + id, Map.of("name", h.name(), "reason", reason)));
            return released;
        });
    }

    List<LegalHold> holds() {
        return ctx.store.read().holds();
    }

    List<LegalHold> holdsOn(DocumentId id) {
        Document d = documents.get(id);
        return ctx.store.read().activeHolds().stream().filter(h -> h.holds(d)).toList();
    }
}
