package dev.backoffice.docs.internal;

import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DisposalCertificate;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentTx;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one removal guard. The archive's safety property (nothing under an active legal hold and
 * nothing inside its retention is ever removed, except a governance-mode retention by an
 * authorised override with a reason, and an internal schedule by an erasure request) rests on
 * this class alone:
 * <ul>
 *   <li>{@link Session#remove} is the only code of the SDK that turns a document into its
 *       disposed tombstone ({@link Document#disposed}); an architecture test in
 *       {@code examples} fails if any other class calls it. Disposition, review approval,
 *       {@code delete}, {@code deleteEarly} and erasure all remove through it.</li>
 *   <li>{@code remove} judges every removal with {@link Session#judge} first and refuses what the
 *       judgement refuses; a caller cannot hand it a verdict of its own.</li>
 *   <li>A {@link Session} exists only inside {@link #write}, which takes the tenant lock and
 *       then reads the active holds under it: a hold placed concurrently (placing takes the same
 *       lock) is either seen by the removal or placed after it committed.</li>
 * </ul>
 * A caller that reports instead of throwing (disposition lists held documents; erasure answers
 * "kept" with the reason) asks {@link Session#judge} before it calls {@code remove}, which
 * judges again anyway. Blob content is not a document: it is deleted later, by the purge, only
 * when no document that is not disposed uses it ({@link Purger}).
 */
final class RemovalGuard {

    /** Why a document is to be removed; selects how its retention is judged. */
    enum Grounds {
        /** Its retention has ended (disposition, review approval, {@code delete}): a retained document is refused. */
        RETENTION_ENDED,
        /**
         * A governance override ({@code deleteEarly}): a retained document needs an actor the
         * override authoriser allows and a reason; never in compliance mode.
         */
        GOVERNANCE_OVERRIDE,
        /** An erasure request (GDPR art. 17): a retention that is a legal obligation keeps it; an internal schedule yields. */
        ERASURE_REQUEST
    }

    /**
     * A removal asked for.
     *
     * @param grounds why
     * @param actor   who asks (named in the certificate)
     * @param action  the certificate's audit action ({@code docs.disposed}, {@code docs.deleted}...)
     * @param reason  the certificate's reason (for an override, the override's reason); may be empty
     */
    record Removal(Grounds grounds, String actor, String action, String reason) {
    }

    /** What the guard decides about one document. */
    enum Outcome {
        /** It may be removed. */
        REMOVABLE,
        /** An active legal hold covers it: never removed. */
        HELD,
        /** Inside its retention, and the grounds do not end it: not removed. */
        RETAINED,
        /** Inside a retention that only an authorised governance override ends ({@link Grounds#GOVERNANCE_OVERRIDE}). */
        OVERRIDE_NEEDED
    }

    /**
     * A judgement.
     *
     * @param outcome           the decision
     * @param holds             the active holds covering the document (for {@link Outcome#HELD})
     * @param overridesSchedule whether the removal overrides an internal schedule's retention (an erasure request)
     */
    record Verdict(Outcome outcome, List<LegalHold> holds, boolean overridesSchedule) {
        private static final Verdict REMOVABLE = new Verdict(Outcome.REMOVABLE, List.of(), false);
        private static final Verdict RETAINED = new Verdict(Outcome.RETAINED, List.of(), false);
        private static final Verdict OVERRIDE_NEEDED = new Verdict(Outcome.OVERRIDE_NEEDED, List.of(), false);
    }

    private final TenantContext ctx;
    private final Overrides overrides;
    private final Certificates certificates;

    RemovalGuard(TenantContext ctx, Overrides overrides, Certificates certificates) {
        this.ctx = ctx;
        this.overrides = overrides;
        this.certificates = certificates;
    }

    /**
     * Runs {@code work} in one write transaction of the tenant, under the tenant lock, with a
     * session that sees the active holds; the content of every document it removed is queued
     * for purging in the same transaction. The work may be rerun (see {@code TenantStore}).
     */
    <T> T write(Function<Session, T> work) {
        return ctx.store.write(tx -> {
            Session s = new Session(tx);
            T result = work.apply(s);
            if (!s.purge.isEmpty()) {
                tx.addPurges(s.purge);
            }
            return result;
        });
    }

    /** One transaction's view of the guard: the tenant locked, its active holds read. */
    final class Session {
        private final DocumentTx tx;
        private final List<LegalHold> activeHolds;
        private final Set<ContentHash> purge = new LinkedHashSet<>();

        private Session(DocumentTx tx) {
            tx.lockTenant();
            this.tx = tx;
            this.activeHolds = tx.activeHolds();
        }

        /** The transaction, for the reads and the other writes of the work. */
        DocumentTx tx() {
            return tx;
        }

        /** The active holds that cover {@code d}. */
        List<LegalHold> holdsOn(Document d) {
            return activeHolds.stream().filter(h -> h.holds(d)).toList();
        }

        /**
         * THE check. In this order: an active hold covering {@code d} always wins; a document
         * still inside its retention as of {@code asOf} (ACTIVE and not ended by then) stays,
         * unless the grounds end it: an erasure request ends an internal schedule's retention but
         * not a legal obligation's, a governance override needs {@link Overrides}' consent.
         */
        Verdict judge(Document d, RetentionPolicy p, LocalDate asOf, Grounds grounds) {
            List<LegalHold> on = holdsOn(d);
            if (!on.isEmpty()) {
                return new Verdict(Outcome.HELD, on, false);
            }
            boolean retained = d.lifecycle() == Lifecycle.ACTIVE && !d.retentionEndedBy(asOf);
            if (!retained) {
                return Verdict.REMOVABLE;
            }
            return switch (grounds) {
                case RETENTION_ENDED -> Verdict.RETAINED;
                case GOVERNANCE_OVERRIDE -> Verdict.OVERRIDE_NEEDED;
                case ERASURE_REQUEST -> p.legalObligation() ? Verdict.RETAINED : new Verdict(Outcome.REMOVABLE, List.of(), true);
            };
        }

        /**
         * THE removal: judges {@code d} and, if the verdict allows, replaces it by its tombstone
         * (compare-and-set on its lifecycle and retention), queues its content for the purge and
         * certifies it in the audit log, all in this transaction.
         *
         * @return the certificate, or null if {@code d} changed since it was read (nothing done)
         * @throws dev.backoffice.core.error.RuleViolationException {@code docs.under_hold},
         *         {@code docs.retention_active}, and for an override {@code docs.retention_locked}
         *         or {@code docs.override_not_authorised}
         */
        DisposalCertificate remove(Document d, RetentionPolicy p, LocalDate asOf, Removal removal) {
            if (d.lifecycle() == Lifecycle.DISPOSED) {
                throw new IllegalStateException("document " + d.id() + " is disposed already: callers check the lifecycle first");
            }
            Verdict v = judge(d, p, asOf, removal.grounds());
            switch (v.outcome()) {
                case HELD -> throw DocsErrorCode.UNDER_HOLD.rule("document " + d.id() + " is under legal hold "
                        + v.holds().stream().map(h -> "'" + h.name() + "'").collect(Collectors.joining(", ")));
                case RETAINED -> throw DocsErrorCode.RETENTION_ACTIVE.rule("document " + d.id() + " is retained "
                        + d.retainUntil().map(u -> "until " + u).orElse("until its event is recorded and the period has passed")
                        + " under '" + p.name() + "' (" + p.source() + ")");
                case OVERRIDE_NEEDED -> overrides.requireGovernanceOverride(removal.actor(), p, d, Optional.of(removal.reason()));
                case REMOVABLE -> {
                }
            }
            if (!tx.replace(d, d.disposed(ctx.now()))) {
                return null;
            }
            for (DocumentVersion version : d.versions()) {
                purge.add(version.contentHash());
            }
            return certificates.certify(d, p, asOf, removal.actor(), removal.action(), removal.reason());
        }
    }
}
