package dev.backoffice.docs;

import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.blob.BlobStatus;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.docs.retention.RetentionBasis;
import dev.backoffice.docs.retention.RetentionMode;
import dev.backoffice.docs.retention.RetentionPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.backoffice.docs.DocsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever sequence of operations is run (ingest, time passing, holds placed and released by
 * authorised and unauthorised actors, events, disposition, erasure, deletions, overrides by
 * authorised and unauthorised actors, attempts to weaken policies, retention extensions to any
 * date by any actor, policies made longer), no document under an active hold and no document
 * inside its retention is ever removed, except a governance-mode one by an authorised override
 * and an internal schedule's by an erasure request. "Inside its retention" is judged by a model
 * independent of the stored date: the policy's date from the trigger (never, while the event is
 * awaited), raised by every extension that succeeded. A compliance retention never moves
 * earlier; an extension never gives an event-waiting document an end date; an erasure request
 * keeps a document on retention grounds only under a legal obligation; each removal has exactly
 * one certificate; and every document still alive has intact content.
 */
class RetentionSafetyProperties {

    private static final TenantId T = TenantId.of("acme");
    private static final List<DocumentClass> CLASSES = List.of(INVOICE, MEMO, EMPLOYEE_FILE, DRAFT, LEDGER_EXPORT);
    private static final List<String> ACTORS = List.of(CLERK, OFFICER, ADMIN);
    private static final Set<String> REMOVALS = Set.of("docs.disposed", "docs.deleted", "docs.deleted_early", "docs.erased");

    /** One operation: a kind and three small numbers that parameterise it. */
    record Op(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 800), Arbitraries.integers().between(0, 2)).as(Op::new);
        return op.list().ofMinSize(5).ofMaxSize(45);
    }

    @Property(tries = 300)
    void nothing_held_or_retained_is_ever_removed(@ForAll("ops") List<Op> ops) {
        AdjustableClock clock = DocsFixtures.clock();
        check(ops, clock, InMemoryDocumentStore.create(), InMemoryAuditStore.create(clock));
    }

    /** The same on H2 through JdbcDocumentStore and JdbcAuditStore: the rules do not depend on the store. */
    @Property(tries = 25)
    void nothing_held_or_retained_is_ever_removed_on_h2(@ForAll("ops") List<Op> ops) {
        AdjustableClock clock = DocsFixtures.clock();
        try (TestDatabase db = TestDatabases.h2()) {
            check(ops, clock, JdbcDocumentStore.create(db.jdbc()), JdbcAuditStore.create(db.jdbc(), clock));
        }
    }

    private void check(List<Op> ops, AdjustableClock clock, DocumentStore store, AuditStore audit) {
        InMemoryBlobStore blobs = InMemoryBlobStore.create();
        Archive archive = Archive.builder().store(store).blobs(blobs).audit(audit).clock(clock)
                .zone(ZoneOffset.UTC).overrideAuthorizer((actor, p) -> actor.equals(OFFICER))
                .holdAuthorizer((actor, action) -> actor.equals("legal") || actor.equals(OFFICER)).dispositionBatchSize(3).build();
        TenantArchive a = archive.forTenant(T);
        for (RetentionPolicy p : List.of(invoicePolicy(), employeeFilePolicy(), memoPolicy(), ledgerExportPolicy(), draftPolicy())) {
            a.setPolicy(p, ADMIN);
        }
        List<DocumentId> ids = new ArrayList<>();
        List<HoldId> holds = new ArrayList<>();
        Map<DocumentId, LocalDate> complianceFloor = new HashMap<>();
        Map<DocumentId, LocalDate> extensionFloor = new HashMap<>();
        Set<DocumentId> overridden = new java.util.HashSet<>();
        int n = 0;

        for (Op op : ops) {
            Map<DocumentId, Document> before = snapshot(a, ids);
            List<LegalHold> activeBefore = a.holds().stream().filter(LegalHold::active).toList();
            Map<DocumentClass, RetentionPolicy> policiesBefore = new HashMap<>();
            a.policies().forEach(p -> policiesBefore.put(p.documentClass(), p));
            ErasureReport erasure = null;
            LocalDate today = a.today();
            String actor = ACTORS.get(op.c());
            OwnerRef owner = OwnerRef.person("P" + (op.a() % 4));
            DocumentId target = ids.isEmpty() ? DocumentId.newId() : ids.get(op.a() % ids.size());
            boolean authorisedOverride = false;
            try {
                switch (op.kind()) {
                    case 0, 1 -> {
                        DocumentClass c = CLASSES.get(op.b() % CLASSES.size());
                        ids.add(a.ingest(NewDocument.builder(c, "doc " + n).owner(owner).actor(CLERK).build(),
                                bytes("content " + (n++ % 7))).id());
                    }
                    case 2 -> clock.advance(Duration.ofDays(1 + op.b()));
                    case 3 -> holds.add(a.placeHold("h" + holds.size(), "case", switch (op.c()) {
                        case 0 -> HoldScope.owner(owner);
                        case 1 -> HoldScope.query(DocumentQuery.builder().documentClass(CLASSES.get(op.b() % CLASSES.size())).build());
                        default -> HoldScope.documents(target);
                    }, op.b() % 5 == 0 ? CLERK : "legal").id());
                    case 4 -> {
                        if (!holds.isEmpty()) {
                            a.releaseHold(holds.get(op.a() % holds.size()), op.b() % 5 == 0 ? CLERK : "legal", "settled");
                        }
                    }
                    case 5, 6 -> a.dispose(today, "job");
                    case 7 -> erasure = a.erase(owner, "dpo", "art. 17");
                    case 8 -> {
                        authorisedOverride = actor.equals(OFFICER);
                        a.deleteEarly(target, actor, "override");
                    }
                    case 9 -> a.delete(target, actor, "cleanup");
                    case 10 -> {
                        authorisedOverride = actor.equals(OFFICER);
                        a.shortenRetention(target, today.minusDays(op.b()), actor, "override");
                        overridden.add(target);
                    }
                    case 13 -> {
                        // extend to any date from 400 days ago to 7 years ahead (past the policies' dates
                        // and the longer policies of op 14), by an authorised or an unauthorised actor
                        LocalDate to = today.plusDays(op.b() * 4L - 400);
                        a.extendRetention(target, to, op.c() == 0 ? CLERK : OFFICER, "extend");
                        extensionFloor.merge(target, to, (x, y) -> x.isAfter(y) ? x : y);
                    }
                    case 14 -> {
                        // make a policy longer (same trigger, mode and basis): anyone may
                        RetentionPolicy p = a.policy(CLASSES.get(op.b() % CLASSES.size())).orElseThrow();
                        a.setPolicy(new RetentionPolicy(p.documentClass(), p.name(), p.period().plusYears(1 + op.a() % 3), p.trigger(),
                                p.action(), p.mode(), p.source(), p.basis()), actor);
                    }
                    case 11 -> a.recordEvent(owner, "employment-ended", today.minusDays(op.b()), CLERK);
                    default -> {
                        // try to weaken every policy (only governance ones by the officer may be), and
                        // approve whatever is in review
                        authorisedOverride = actor.equals(OFFICER);
                        for (RetentionPolicy p : a.policies()) {
                            try {
                                a.setPolicy(new RetentionPolicy(p.documentClass(), p.name(), Period.ofDays(1), p.trigger(), p.action(),
                                        RetentionMode.GOVERNANCE, p.source(), RetentionBasis.INTERNAL), actor, Optional.of("weaken"));
                            } catch (BackofficeException expected) {
                                // refused
                            }
                        }
                        for (Document d : a.reviewQueue(Optional.empty(), 100).items()) {
                            a.approveDisposal(d.id(), actor, "approved");
                        }
                    }
                }
            } catch (BackofficeException refused) {
                // a refusal is fine; the invariants below must hold either way
            }

            Map<DocumentId, Document> after = snapshot(a, ids);
            for (Map.Entry<DocumentId, Document> e : before.entrySet()) {
                Document was = e.getValue();
                Document now = after.get(e.getKey());
                RetentionPolicy p = policiesBefore.get(was.documentClass());
                if (was.lifecycle() == Lifecycle.DISPOSED) {
                    assertThat(now.lifecycle()).as("disposal is final").isEqualTo(Lifecycle.DISPOSED);
                    continue;
                }
                if (isCompliance(was)) {
                    LocalDate floor = complianceFloor.get(was.id());
                    if (floor != null && now.lifecycle() != Lifecycle.DISPOSED) {
                        assertThat(now.retainUntil()).as("compliance retention never moves earlier").isPresent();
                        assertThat(now.retainUntil().get()).isAfterOrEqualTo(floor);
                    }
                }
                if (op.kind() == 13 && was.retainUntil().isEmpty()) {
                    assertThat(now.retainUntil()).as("an extension never gives an event-waiting document an end date").isEmpty();
                }
                boolean internalErasure = op.kind() == 7 && !p.legalObligation();
                if (now.lifecycle() == Lifecycle.DISPOSED) {
                    assertThat(activeBefore.stream().noneMatch(h -> h.holds(was))).as("removed under a hold: " + was).isTrue();
                    boolean retentionOver = was.lifecycle() != Lifecycle.ACTIVE || was.retentionEndedBy(today);
                    if (!retentionOver) {
                        assertThat(p.mode()).as("only governance can end early").isEqualTo(RetentionMode.GOVERNANCE);
                        assertThat(authorisedOverride || internalErasure)
                                .as("only an authorised override or an erasure of an internal schedule ends retention early").isTrue();
                    }
                    // The model: the policy's date from the trigger (none while the event is awaited),
                    // raised by every extension that succeeded; independent of the stored date.
                    Optional<LocalDate> modelUntil = was.triggerDate().map(p::retainUntil);
                    LocalDate floor = extensionFloor.get(was.id());
                    if (modelUntil.isPresent() && floor != null && floor.isAfter(modelUntil.get())) {
                        modelUntil = Optional.of(floor);
                    }
                    boolean modelOver = was.lifecycle() != Lifecycle.ACTIVE || (modelUntil.isPresent() && today.isAfter(modelUntil.get()));
                    if (!modelOver) {
                        assertThat(authorisedOverride || internalErasure || overridden.contains(was.id()))
                                .as("removed inside its retention by the policy and extensions (until " + modelUntil.orElse(null) + "): " + was)
                                .isTrue();
                    }
                    if (isCompliance(was)) {
                        assertThat(retentionOver && modelOver).as("compliance document removed inside its retention").isTrue();
                    }
                }
                if (!isCompliance(was) && now.lifecycle() == Lifecycle.ACTIVE && was.retainUntil().isPresent()
                        && now.retainUntil().isPresent() && now.retainUntil().get().isBefore(was.retainUntil().get())) {
                    assertThat(authorisedOverride).as("governance retention shortened without authority").isTrue();
                }
            }
            if (erasure != null) {
                for (ErasureReport.Item item : erasure.items()) {
                    if (item.outcome() == ErasureReport.Outcome.KEPT && !item.reason().startsWith("legal hold")) {
                        assertThat(isCompliance(after.get(item.documentId())))
                                .as("kept on retention grounds only under a legal obligation: " + item).isTrue();
                    }
                }
            }
            for (Document d : after.values()) {
                if (isCompliance(d) && d.retainUntil().isPresent()) {
                    complianceFloor.merge(d.id(), d.retainUntil().get(), (x, y) -> x.isAfter(y) ? x : y);
                }
                if (d.lifecycle() != Lifecycle.DISPOSED) {
                    for (DocumentVersion v : d.versions()) {
                        assertThat(blobs.verify(T, v.contentHash())).as("content of a live document").isEqualTo(BlobStatus.INTACT);
                    }
                }
            }
        }
        Map<String, Long> certs = new HashMap<>();
        for (AuditRecord r : audit.forTenant(T).read(1, 1_000_000)) {
            if (REMOVALS.contains(r.event().action())) {
                certs.merge(r.event().subject(), 1L, Long::sum);
            }
        }
        for (Document d : snapshot(a, ids).values()) {
            long expected = d.lifecycle() == Lifecycle.DISPOSED ? 1 : 0;
            assertThat(certs.getOrDefault("document/" + d.id(), 0L)).as("certificates of " + d.id()).isEqualTo(expected);
        }
        assertThat(audit.forTenant(T).verify().intact()).isTrue();
    }

    private static boolean isCompliance(Document d) {
        return d.documentClass().equals(INVOICE) || d.documentClass().equals(EMPLOYEE_FILE);
    }

    private static Map<DocumentId, Document> snapshot(TenantArchive a, List<DocumentId> ids) {
        Map<DocumentId, Document> m = new HashMap<>();
        for (DocumentId id : ids) {
            m.put(id, a.get(id));
        }
        return m;
    }
}
