package dev.backoffice.docs.internal;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DisposalCertificate;
import dev.backoffice.docs.DispositionReport;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentReads;
import dev.backoffice.docs.DocumentTx;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The disposition run: what is due as of a date is deleted (through the {@link RemovalGuard}),
 * archived or queued for review per its policy, in batches of one transaction each, with a
 * certificate per document; held documents are kept and listed. Idempotent and resumable:
 * content is purged only after its batch committed, and a rerun first finishes pending purges.
 */
final class Disposition {

    private final TenantContext ctx;
    private final RemovalGuard guard;
    private final Certificates certificates;
    private final Purger purger;

    Disposition(TenantContext ctx, RemovalGuard guard, Certificates certificates, Purger purger) {
        this.ctx = ctx;
        this.guard = guard;
        this.certificates = certificates;
        this.purger = purger;
    }

    DispositionReport dispose(LocalDate asOf, String actor) {
        Check.notNull(asOf, "asOf");
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        LocalDate today = ctx.today();
        if (asOf.isAfter(today)) {
            throw InvalidRequestException.of("asOf", "must not be after today (" + today + "): retention cannot be judged by a future date", asOf);
        }
        long purged = purger.purgePending();
        List<DisposalCertificate> disposed = new ArrayList<>();
        List<DisposalCertificate> archived = new ArrayList<>();
        List<DisposalCertificate> review = new ArrayList<>();
        List<DocumentId> held = new ArrayList<>();
        Optional<DocumentReads.DueCursor> cursor = Optional.empty();
        while (true) {
            List<Document> page = ctx.store.read().due(asOf, cursor, ctx.settings.dispositionBatchSize());
            if (page.isEmpty()) {
                break;
            }
            Document last = page.get(page.size() - 1);
            cursor = Optional.of(new DocumentReads.DueCursor(last.retainUntil().orElseThrow(), last.id()));
            List<DocumentId> heldHere = new ArrayList<>();
            List<DisposalCertificate> done = guard.write(session -> {
                heldHere.clear(); // the work may be rerun
                return batch(session, page, asOf, actor, heldHere);
            });
            held.addAll(heldHere);
            for (DisposalCertificate c : done) {
                switch (c.action()) {
                    case "docs.archived" -> archived.add(c);
                    case "docs.review_queued" -> review.add(c);
                    default -> disposed.add(c);
                }
                ctx.settings.observer().committed(c);
            }
            purged += purger.purgePending();
        }
        return new DispositionReport(asOf, disposed, archived, review, held, purged);
    }

    /** One batch, under the tenant lock: each due document per its policy's action, or kept under its hold. */
    private List<DisposalCertificate> batch(RemovalGuard.Session session, List<Document> page, LocalDate asOf, String actor,
                                            List<DocumentId> heldHere) {
        DocumentTx tx = session.tx();
        Map<DocumentClass, RetentionPolicy> policies = new HashMap<>();
        List<DisposalCertificate> out = new ArrayList<>();
        for (Document d : page) {
            // d was listed before the lock; every change below is a compare-and-set on its
            // lifecycle and retention, so a document disposed by another run or extended
            // meanwhile is skipped. Owners and metadata never change while it is ACTIVE.
            if (d.lifecycle() != Lifecycle.ACTIVE || !d.retentionEndedBy(asOf)) {
                continue;
            }
            // A held document is kept whatever its action (archiving and review too); for a
            // deletion the guard would refuse it anyway, this only lists it in the report.
            if (!session.holdsOn(d).isEmpty()) {
                heldHere.add(d.id());
                continue;
            }
            RetentionPolicy p = policies.computeIfAbsent(d.documentClass(),
                    k -> tx.policy(k).orElseThrow(() -> DocsErrors.unknownClass(k)));
            DisposalCertificate c = switch (p.action()) {
                case DELETE -> session.remove(d, p, asOf,
                        new RemovalGuard.Removal(RemovalGuard.Grounds.RETENTION_ENDED, actor, "docs.disposed", ""));
                case ARCHIVE -> transition(tx, d, p, Lifecycle.ARCHIVED, asOf, actor, "docs.archived");
                case REVIEW -> transition(tx, d, p, Lifecycle.REVIEW, asOf, actor, "docs.review_queued");
            };
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Moves {@code d} to {@code to} (it keeps its content) and certifies it; null if it changed meanwhile. */
    private DisposalCertificate transition(DocumentTx tx, Document d, RetentionPolicy p, Lifecycle to, LocalDate asOf, String actor,
                                           String action) {
        if (!tx.replace(d, d.with(to, d.triggerDate(), d.retainUntil(), Optional.of(ctx.now())))) {
            return null;
        }
        return certificates.certify(d, p, asOf, actor, action, "");
    }
}
