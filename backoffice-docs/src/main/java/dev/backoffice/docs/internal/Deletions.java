package dev.backoffice.docs.internal;

import dev.backoffice.docs.DisposalCertificate;
import dev.backoffice.docs.DocsLimits;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.Names;
import dev.backoffice.docs.retention.RetentionPolicy;

/**
 * Deletions a person asks for: approving a reviewed disposal, deleting after the retention
 * ended, deleting early under a governance override. Each finds the document under the tenant
 * lock, checks its state, and removes it through the {@link RemovalGuard}, which decides.
 */
final class Deletions {

    private final TenantContext ctx;
    private final RemovalGuard guard;
    private final Purger purger;

    Deletions(TenantContext ctx, RemovalGuard guard, Purger purger) {
        this.ctx = ctx;
        this.guard = guard;
        this.purger = purger;
    }

    DisposalCertificate approveDisposal(DocumentId id, String actor, String note) {
        Names.text(actor, "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(note, "note", DocsLimits.MAX_REASON_LENGTH);
        DisposalCertificate c = guard.write(session -> {
            Document d = session.tx().find(id).orElseThrow(() -> DocsErrors.notFound(ctx.tenant, id));
            if (d.lifecycle() != Lifecycle.REVIEW) {
                throw DocsErrors.wrongState(d, "approve the disposal of");
            }
            return session.remove(d, policyOf(session, d), ctx.today(),
                    new RemovalGuard.Removal(RemovalGuard.Grounds.RETENTION_ENDED, actor, "docs.disposed", "review approved: " + note));
        });
        purger.purgePending();
        return c;
    }

    DisposalCertificate delete(DocumentId id, String actor, String reason) {
        return deleteBy(id, new RemovalGuard.Removal(RemovalGuard.Grounds.RETENTION_ENDED, actor, "docs.deleted", reason));
    }

    DisposalCertificate deleteEarly(DocumentId id, String actor, String reason) {
        return deleteBy(id, new RemovalGuard.Removal(RemovalGuard.Grounds.GOVERNANCE_OVERRIDE, actor, "docs.deleted_early", reason));
    }

    private DisposalCertificate deleteBy(DocumentId id, RemovalGuard.Removal removal) {
        Names.text(removal.actor(), "actor", DocsLimits.MAX_ACTOR_LENGTH);
        Names.text(removal.reason(), "reason", DocsLimits.MAX_REASON_LENGTH);
        DisposalCertificate c = guard.write(session -> {
            Document d = session.tx().find(id).orElseThrow(() -> DocsErrors.notFound(ctx.tenant, id));
            if (d.lifecycle() == Lifecycle.DISPOSED) {
                throw DocsErrors.wrongState(d, "delete");
            }
            return session.remove(d, policyOf(session, d), ctx.today(), removal);
        });
        purger.purgePending();
        return c;
    }

    private static RetentionPolicy policyOf(RemovalGuard.Session session, Document d) {
        return session.tx().policy(d.documentClass()).orElseThrow(() -> DocsErrors.unknownClass(d.documentClass()));
    }
}
