package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.DocumentTx;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.retention.RetentionMode;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Retention policies: defining and changing them (a compliance policy only ever gets longer, a
 * governance policy is weakened only by an authorised override), and recomputing the retention
 * of the class's documents in the same transaction.
 */
final class Policies {

    private final TenantContext ctx;
    private final Overrides overrides;

    Policies(TenantContext ctx, Overrides overrides) {
        this.ctx = ctx;
        this.overrides = overrides;
    }

    RetentionPolicy setPolicy(RetentionPolicy policy, String actor, Optional<String> reason) {
        Check.notNull(policy, "policy");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Check.notNull(reason, "reason");
        return ctx.store.write(tx -> {
            tx.lockTenant();
            Optional<RetentionPolicy> old = tx.lockPolicy(policy.documentClass());
            boolean weakening = false;
            if (old.isPresent()) {
                RetentionPolicy o = old.get();
                boolean atLeast = policy.keepsAtLeastAsLongAs(o);
                if (o.mode() == RetentionMode.COMPLIANCE) {
                    if (policy.mode() != RetentionMode.COMPLIANCE || !atLeast) {
                        throw DocsErrorCode.RETENTION_LOCKED.rule("policy of class " + o.documentClass()
                                + " is in compliance mode: it may only be extended (same trigger, period at least " + o.period()
                                + "), never shortened or weakened, by anyone");
                    }
                } else if (!atLeast) {
                    overrides.requireOverride(actor, o, reason);
                    weakening = true;
                }
            }
            tx.putPolicy(policy);
            int changed = old.isPresent() ? recompute(tx, policy, old.get()) : 0;
            Map<String, String> details = new TreeMap<>();
            details.put("class", policy.documentClass().code());
            details.put("period", policy.period().toString());
            details.put("trigger", RetentionDates.describe(policy));
            details.put("mode", policy.mode().name());
            details.put("action", policy.action().name());
            details.put("source", policy.source());
            details.put("documents_recomputed", Integer.toString(changed));
            old.ifPresent(o -> details.put("previous", o.period() + " " + RetentionDates.describe(o) + " " + o.mode()));
            if (weakening) {
                details.put("override_reason", reason.orElseThrow());
            }
            ctx.audit.append(AuditEvent.of(actor, weakening ? "docs.policy_weakened" : "docs.policy_set",
                    "policy/" + policy.documentClass().code(), details));
            return policy;
        });
    }

    Optional<RetentionPolicy> policy(DocumentClass documentClass) {
        return ctx.store.read().policy(Check.notNull(documentClass, "documentClass"));
    }

    List<RetentionPolicy> policies() {
        return ctx.store.read().policies();
    }

    /**
     * Gives the class's active documents the new policy's retention; each keeps the later of the
     * new date and its extension, and when either policy is in compliance mode no document's
     * last day moves earlier.
     */
    private int recompute(DocumentTx tx, RetentionPolicy policy, RetentionPolicy old) {
        boolean neverEarlier = old.mode() == RetentionMode.COMPLIANCE || policy.mode() == RetentionMode.COMPLIANCE;
        DocumentQuery q = DocumentQuery.builder().documentClass(policy.documentClass()).build();
        int changed = 0;
        Optional<DocumentId> after = Optional.empty();
        while (true) {
            List<Document> page = tx.search(q, after, TenantContext.PAGE);
            for (Document d : page) {
                if (d.lifecycle() != Lifecycle.ACTIVE) {
                    continue;
                }
                Optional<LocalDate> trigger = RetentionDates.triggerDate(tx, policy, d.owners(), d.createdAt(), ctx.settings.zone());
                Optional<LocalDate> until = RetentionDates.later(trigger.map(policy::retainUntil), d.extendedUntil());
                if (neverEarlier && d.retainUntil().isPresent()
                        && (until.isEmpty() || until.get().isBefore(d.retainUntil().get()))) {
                    until = d.retainUntil();
                    trigger = d.triggerDate();
                }
                if (!until.equals(d.retainUntil()) || !trigger.equals(d.triggerDate())) {
                    if (!tx.replace(d, d.with(d.lifecycle(), trigger, until, d.disposedAt()))) {
                        throw DocsErrors.concurrent(d.id());
                    }
                    changed++;
                }
            }
            if (page.size() < TenantContext.PAGE) {
                return changed;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }
}
