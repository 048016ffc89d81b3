package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.HoldAuthorizer;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One document's retention changed by a person: extended (a floor stored apart from the
 * policy's date, by an actor the {@link HoldAuthorizer} allows) or shortened (a governance
 * override, never in compliance mode). Both audited with their reason.
 */
final class RetentionChanges {

    private final TenantContext ctx;
    private final HoldAuthority authority;
    private final Overrides overrides;

    RetentionChanges(TenantContext ctx, HoldAuthority authority, Overrides overrides) {
        this.ctx = ctx;
        this.authority = authority;
        this.overrides = overrides;
    }

    Document extendRetention(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        Check.notNull(id, "id");
        Check.notNull(retainUntil, "retainUntil");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        authority.require(actor, HoldAuthorizer.Action.EXTEND_RETENTION, "document/" + id, Map.of("to", retainUntil.toString()));
        LocalDate today = ctx.today();
        if (!retainUntil.isAfter(today)) {
            throw InvalidRequestException.of("retainUntil", "must be after today (" + today
                    + "): an extension keeps a document longer, it never ends a retention", retainUntil);
        }
        return ctx.store.write(tx -> {
            tx.lockTenant();
            Document d = tx.find(id).orElseThrow(() -> DocsErrors.notFound(ctx.tenant, id));
            if (d.lifecycle() != Lifecycle.ACTIVE && d.lifecycle() != Lifecycle.REVIEW) {
                throw DocsErrors.wrongState(d, "extend the retention of");
            }
            if (d.retainUntil().isPresent() && !retainUntil.isAfter(d.retainUntil().get())) {
                throw InvalidRequestException.of("retainUntil", "must be after the current last day of retention " + d.retainUntil().get(), retainUntil);
            }
            if (d.extendedUntil().isPresent() && !retainUntil.isAfter(d.extendedUntil().get())) {
                throw InvalidRequestException.of("retainUntil", "must be after the earlier extension to " + d.extendedUntil().get()
                        + " (an extension is never withdrawn by extending)", retainUntil);
            }
            RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> DocsErrors.unknownClass(d.documentClass()));
            Optional<LocalDate> extension = Optional.of(retainUntil);
            // The policy's date, from the stored trigger: never replaced, only raised. Empty while
            // the event is awaited: then the extension is a floor and the retention stays open.
            Optional<LocalDate> until = RetentionDates.later(d.triggerDate().map(p::retainUntil), extension);
            Document next = d.with(Lifecycle.ACTIVE, d.triggerDate(), until, Optional.empty()).withExtension(extension);
            if (!tx.replace(d, next)) {
                throw DocsErrors.concurrent(id);
            }
            Map<String, String> details = new TreeMap<>();
            details.put("from", d.retainUntil().map(LocalDate::toString).orElse("none"));
            details.put("to", until.map(LocalDate::toString).orElse("none"));
            details.put("extended_until", retainUntil.toString());
            if (until.isEmpty()) {
                details.put("waits_for", "event " + p.trigger().event().orElse("?") + " (the extension is a floor)");
            }
            details.put("reason", reason);
            ctx.audit.append(AuditEvent.of(actor, "docs.retention_extended", "document/" + id, details));
            return next;
        });
    }

    Document shortenRetention(DocumentId id, LocalDate retainUntil, String actor, String reason) {
        Check.notNull(retainUntil, "retainUntil");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        return ctx.store.write(tx -> {
            tx.lockTenant();
            Document d = tx.find(id).orElseThrow(() -> DocsErrors.notFound(ctx.tenant, id));
            if (d.lifecycle() != Lifecycle.ACTIVE) {
                throw DocsErrors.wrongState(d, "shorten the retention of");
            }
            RetentionPolicy p = tx.policy(d.documentClass()).orElseThrow(() -> DocsErrors.unknownClass(d.documentClass()));
            if (d.retainUntil().isPresent() && !retainUntil.isBefore(d.retainUntil().get())) {
                throw InvalidRequestException.of("retainUntil", "must be before the current last day " + d.retainUntil().get()
                        + " (use extendRetention to extend)", retainUntil);
            }
            overrides.requireGovernanceOverride(actor, p, d, Optional.of(reason));
            // The override sets the last day outright: an extension above it is withdrawn with it.
            Document next = d.with(Lifecycle.ACTIVE, d.triggerDate(), Optional.of(retainUntil), Optional.empty())
                    .withExtension(Optional.empty());
            if (!tx.replace(d, next)) {
                throw DocsErrors.concurrent(id);
            }
            ctx.audit.append(AuditEvent.of(actor, "docs.retention_shortened", "document/" + id, Map.of(
                    "from", d.retainUntil().map(LocalDate::toString).orElse("none"), "to", retainUntil.toString(),
                    "policy", p.name(), "reason", reason)));
            return next;
        });
    }
}
