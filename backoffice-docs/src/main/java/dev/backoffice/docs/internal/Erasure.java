package dev.backoffice.docs.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.id.Ids;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DisposalCertificate;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.ErasureReport;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.retention.RetentionBasis;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Erasure requests (GDPR art. 17), answered document by document: the {@link RemovalGuard}
 * judges each of the subject's documents on the grounds of an erasure request, and this class
 * words the answer (kept under a hold, art. 17(3)(e); kept under a legal obligation,
 * art. 17(3)(b); erased, naming any internal schedule it overrode).
 */
final class Erasure {

    private final TenantContext ctx;
    private final RemovalGuard guard;
    private final Purger purger;

    Erasure(TenantContext ctx, RemovalGuard guard, Purger purger) {
        this.ctx = ctx;
        this.guard = guard;
        this.purger = purger;
    }

    ErasureReport erase(OwnerRef subject, String actor, String reason) {
        Check.notNull(subject, "subject");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(reason, "reason", DocsLimits.MAX_REASON_LENGTH);
        LocalDate today = ctx.today();
        List<ErasureReport.Item> items = new ArrayList<>();
        DocumentQuery q = DocumentQuery.builder().owner(subject).build();
        Optional<DocumentId> after = Optional.empty();
        while (true) {
            List<Document> page = ctx.store.read().search(q, after, TenantContext.PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1).id());
            items.addAll(guard.write(session -> {
                List<ErasureReport.Item> out = new ArrayList<>();
                for (Document seen : page) {
                    Document d = session.tx().find(seen.id()).orElse(null);
                    if (d == null || d.lifecycle() == Lifecycle.DISPOSED) {
                        continue;
                    }
                    RetentionPolicy p = session.tx().policy(d.documentClass()).orElseThrow(() -> DocsErrors.unknownClass(d.documentClass()));
                    answer(session, d, p, today, actor, reason).ifPresent(out::add);
                }
                return out;
            }));
            if (page.size() < TenantContext.PAGE) {
                break;
            }
        }
        purger.purgePending();
        long erased = items.stream().filter(i -> i.outcome() == ErasureReport.Outcome.ERASED).count();
        ctx.audit.append(AuditEvent.of(actor, "docs.erasure_request", "erasure/" + Ids.newId(ctx.settings.clock()), Map.of(
                "erased", Long.toString(erased), "kept", Long.toString(items.size() - erased), "reason", reason)));
        return new ErasureReport(subject, today, items);
    }

    /** The answer for one document: kept (and why), or erased with a certificate; empty if it changed meanwhile. */
    private Optional<ErasureReport.Item> answer(RemovalGuard.Session session, Document d, RetentionPolicy p, LocalDate today,
                                                String actor, String reason) {
        RemovalGuard.Verdict v = session.judge(d, p, today, RemovalGuard.Grounds.ERASURE_REQUEST);
        String until = d.retainUntil().map(u -> "until " + u)
                .orElse("for " + p.period() + " after '" + p.trigger().event().orElse("?") + "', not yet recorded");
        switch (v.outcome()) {
            case HELD -> {
                return Optional.of(new ErasureReport.Item(d.id(), d.documentClass(), ErasureReport.Outcome.KEPT,
                        "legal hold " + v.holds().stream().map(h -> "'" + h.name() + "' (" + h.reason() + ")").collect(Collectors.joining(", "))
                                + ": GDPR art. 17(3)(e)"));
            }
            case RETAINED -> {
                return Optional.of(new ErasureReport.Item(d.id(), d.documentClass(), ErasureReport.Outcome.KEPT,
                        "retention policy '" + p.name() + "' (" + p.source() + ") is a legal obligation to keep it " + until
                                + ": GDPR art. 17(3)(b)"));
            }
            default -> {
                // An internal schedule is no legal obligation: it yields to the request, and the
                // certificate (actor, reason) records the decision that overrode it.
                boolean retained = v.overridesSchedule();
                String overrode = retained ? "; overrides internal schedule '" + p.name() + "' (" + p.source() + "), kept " + until
                        + ": no legal obligation, so GDPR art. 17(3)(b) does not apply" : "";
                DisposalCertificate c = session.remove(d, p, today, new RemovalGuard.Removal(RemovalGuard.Grounds.ERASURE_REQUEST, actor,
                        "docs.erased", "erasure request: " + reason + overrode));
                if (c == null) {
                    return Optional.empty();
                }
                return Optional.of(new ErasureReport.Item(d.id(), d.documentClass(), ErasureReport.Outcome.ERASED,
                        (retained ? "internal schedule '" + p.name() + "' (" + p.source() + ") would have kept it " + until
                                + ", but is not a legal obligation (GDPR art. 17(3)(b) does not apply)"
                                : p.basis() == RetentionBasis.NONE ? "no retention requirement ("
                                + p.source() + ")" : "retention ended " + d.retainUntil().map(LocalDate::toString).orElse(""))
                                + "; certificate #" + c.auditSequence()));
            }
        }
    }
}
