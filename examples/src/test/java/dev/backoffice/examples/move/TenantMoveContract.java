package dev.backoffice.examples.move;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.move.MoveCheck;
import dev.backoffice.core.store.move.MoveReport;
import dev.backoffice.core.store.move.MoveStep;
import dev.backoffice.core.store.move.TenantMove;
import dev.backoffice.core.store.placement.MovablePlacement;
import dev.backoffice.core.store.placement.Placement;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #20 item 2, moving a tenant online: a tenant moved from database "one" to "two" while it
 * and other tenants keep writing loses nothing and doubles nothing (its writers retry the fence's
 * errors); a move stopped after any step runs again to the end, or rolls back, and the tenant is
 * never writable in two places; a finished move cannot be rolled back and its source refuses the
 * tenant for good.
 */
abstract class TenantMoveContract {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private final StoreKind kind;
    private TestDatabase one;
    private TestDatabase two;
    private DataSource fencedOne;
    private DataSource fencedTwo;
    private Map<String, List<String>> modules;
    private MovablePlacement placement;
    private Placement<Jdbc> placed;
    private AuditStore audit;
    private Ledger ledger;
    private AdjustableClock clock;

    TenantMoveContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void twoDatabases() {
        one = SeparateDatabases.open(kind);
        two = SeparateDatabases.open(kind);
        fencedOne = TenantFence.moveable(one.dataSource());
        fencedTwo = TenantFence.moveable(two.dataSource());
        modules = new LinkedHashMap<>(SchemaScripts.installAll(one.jdbc()));
        SchemaScripts.installAll(two.jdbc());
        modules.remove(TenantFence.MODULE);
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T08:00:00Z"));
        placement = MovablePlacement.of(Map.of());
        placed = Placement.of(placement, Map.of("one", Jdbc.of(fencedOne), "two", Jdbc.of(fencedTwo)));
        LedgerStore ledgerStore = FenceRetries.wrap(LedgerStore.class, placed.route(LedgerStore.class, j -> JdbcLedgerStore.builder(j).build()));
        audit = FenceRetries.wrap(AuditStore.class, placed.route(AuditStore.class, j -> JdbcAuditStore.create(j, clock)));
        ledger = Ledger.builder().store(ledgerStore).audit(audit).clock(clock).build();
    }

    @AfterEach
    void close() {
        placed.close();
        one.close();
        two.close();
    }

    private TenantId company(String name, String key) {
        TenantId t = TenantId.of(name);
        placement.place(t, key);
        ledger.forTenant(t).openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR)));
        return t;
    }

    private void post(TenantId t, int i) {
        ledger.forTenant(t).post(EntryRequest.builder(DAY, "sale " + i).idempotencyKey(t.value() + "-" + i)
                .debit("1000", Money.ofMinor(EUR, i)).credit("4000", Money.ofMinor(EUR, i)).build());
    }

    private TenantMove move(TenantId t) {
        return TenantMove.of(t).from("one", fencedOne).to("two", fencedTwo).modules(modules).placement(placement)
                .clock(clock).check(balanced());
    }

    /** The ledger invariant on the target: debits equal credits in the trial balance. */
    private MoveCheck balanced() {
        return (tenant, target) -> {
            try (JdbcLedgerStore store = JdbcLedgerStore.builder(target).build()) {
                TrialBalance tb = Ledger.builder().store(store).clock(clock).build().forTenant(tenant).trialBalance(DAY.plusYears(1));
                BigDecimal debits = BigDecimal.ZERO;
                BigDecimal credits = BigDecimal.ZERO;
                for (TrialBalance.Row r : tb.rows()) {
                    debits = debits.add(r.debit().getAmount());
                    credits = credits.add(r.credit().getAmount());
                }
                if (debits.compareTo(credits) != 0) {
                    throw new IllegalStateException("debits " + debits + " != credits " + credits);
                }
            }
        };
    }

    private static long count(TestDatabase db, String table, TenantId t) {
        return db.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?",
                rs -> rs.getLong(1), t.value()).orElseThrow());
    }

    private long rowsOf(TestDatabase db, TenantId t) {
        long n = 0;
        for (Map.Entry<String, List<String>> m : modules.entrySet()) {
            for (String table : dev.backoffice.core.export.TenantExport.tablesOf(m.getKey(), m.getValue())) {
                n += count(db, table, t);
            }
        }
        return n;
    }

    /** Whether a write transaction of {@code t} commits on {@code db} now (it writes nothing). */
    private static boolean writable(DataSource db, TenantId t) {
        try (TenantFence.Scope ignored = TenantFence.enter(t)) {
            Jdbc.of(db).inTransactionRun(c -> { });
            return true;
        } catch (StorageException e) {
            assertThat(e.code()).isIn("storage.tenant_moving", "storage.tenant_moved");
            return false;
        }
    }

    @Test
    void a_tenant_moved_while_it_and_others_write_loses_nothing_and_doubles_nothing() throws Exception {
        int n = 150;
        TenantId moving = company("moving-co", "one");
        TenantId neighbour = company("neighbour-co", "one");
        TenantId elsewhere = company("elsewhere-co", "two");
        AtomicInteger movingPosted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (TenantId t : List.of(moving, neighbour, elsewhere)) {
            writers.add(pool.submit(() -> {
                for (int i = 1; i <= n; i++) {
                    post(t, i);
                    if (i % 10 == 0) {
                        audit.forTenant(t).append(AuditEvent.of("writer", "test.tick", "tick " + i));
                    }
                    if (t.equals(moving)) {
                        movingPosted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (movingPosted.get() < n / 3 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        MoveReport report = move(moving).run();
        for (Future<?> w : writers) {
            w.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(report.complete()).isTrue();
        assertThat(report.rows().get("ledger_entry")).isBetween((long) n / 3, (long) n);
        assertThat(placement.placeOf(moving)).isEqualTo("two");
        // every posting of every tenant landed once, in the tenant's database of now
        assertThat(count(two, "ledger_entry", moving)).isEqualTo(n);
        assertThat(count(one, "ledger_entry", neighbour)).isEqualTo(n);
        assertThat(count(two, "ledger_entry", elsewhere)).isEqualTo(n);
        assertThat(count(one, "ledger_entry", moving)).as("nothing landed on the source after the fence")
                .isEqualTo(report.rows().get("ledger_entry"));
        assertThat(count(two, "ledger_entry", neighbour) + count(one, "ledger_entry", elsewhere)).isZero();
        long sum = (long) n * (n + 1) / 2;
        TrialBalance tb = ledger.forTenant(moving).trialBalance(DAY);
        assertThat(tb.rows().stream().map(r -> r.debit().getAmountMinorLong()).reduce(0L, Long::sum)).isEqualTo(sum);
        // the audit chain verifies on the new home and holds every tick once
        JdbcAuditStore onTwo = JdbcAuditStore.create(two.jdbc(), clock);
        assertThat(onTwo.forTenant(moving).verify().intact()).isTrue();
        long ticks = onTwo.forTenant(moving).read(1, 100_000).stream().filter(r -> r.event().action().equals("test.tick")).count();
        assertThat(ticks).isEqualTo(n / 10);
        assertThat(writable(fencedOne, moving)).isFalse();
        assertThat(writable(fencedTwo, moving)).isTrue();
        System.out.printf("move under writes (%s): %s in %d ms, writes fenced %d ms, %d calls retried%n", kind, report.rows(),
                report.total().toMillis(), report.fenced().toMillis(), FenceRetries.RETRIED.get());
    }

    /** Every row of {@code t} in every moved table of {@code db}, as text, sorted: what "the same content" means. */
    private Map<String, List<String>> content(DataSource db, TenantId t) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> m : modules.entrySet()) {
            for (String table : dev.backoffice.core.export.TenantExport.tablesOf(m.getKey(), m.getValue())) {
                List<String> rows = Jdbc.of(db).inTransaction(c -> Jdbc.query(c, "SELECT * FROM " + table + " WHERE tenant_id = ?", rs -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        b.append(rs.getMetaData().getColumnLabel(i).toLowerCase()).append('=').append(rs.getString(i)).append(' ');
                    }
                    return b.toString();
                }, t.value()));
                rows.sort(null);
                out.put(table, rows);
            }
        }
        return out;
    }

    /** As the tenant's application would: one write transaction on the source, fenced like any other. */
    private void sql(TenantId t, String statement, Object... params) {
        try (TenantFence.Scope ignored = TenantFence.enter(t)) {
            Jdbc.of(fencedOne).inTransactionRun(c -> Jdbc.update(c, statement, params));
        }
    }

    private static final String POLICY = "INSERT INTO docs_policy (tenant_id, doc_class, policy_json) VALUES (?, ?, ?)";

    @Test
    void inserts_updates_and_deletes_between_the_snapshot_and_the_fence_reach_the_target_exactly() {
        TenantId t = company("changing-co", "one");
        for (int i = 1; i <= 20; i++) {
            post(t, i);
        }
        for (String cls : List.of("a", "b", "c", "d")) {
            sql(t, POLICY, t.value(), cls, "{\"years\": 1}");
        }
        int[] next = {21};
        Map<MoveStep, Map<String, List<String>>> seen = new java.util.EnumMap<>(MoveStep.class);
        MoveReport report = move(t).onStep(step -> {
            if (step == MoveStep.COPIED || step == MoveStep.CAUGHT_UP) { // after a snapshot, before the fence: the tenant writes on
                String round = step.name().toLowerCase();
                for (int i = 0; i < 3; i++) {
                    post(t, next[0]++); // inserts entries and movements, updates the accounts' balances
                }
                sql(t, "UPDATE docs_policy SET policy_json = ? WHERE tenant_id = ? AND doc_class = ?", "{\"" + round + "\": 2}", t.value(),
                        step == MoveStep.COPIED ? "a" : "b");
                sql(t, "DELETE FROM docs_policy WHERE tenant_id = ? AND doc_class = ?", t.value(), step == MoveStep.COPIED ? "c" : "d");
                sql(t, POLICY, t.value(), "new-" + round, "{}");
                sql(t, "UPDATE ledger_account SET name = ? WHERE tenant_id = ? AND code = ?", "Cash " + round, t.value(), "1000");
                seen.put(step, content(one.dataSource(), t));
            }
        }).run();

        assertThat(report.complete()).isTrue();
        Map<String, List<String>> source = content(one.dataSource(), t);
        assertThat(source).isEqualTo(seen.get(MoveStep.CAUGHT_UP)); // nothing written on the source after the fence
        assertThat(content(two.dataSource(), t)).isEqualTo(source);
        assertThat(count(two, "ledger_entry", t)).isEqualTo(26);
        assertThat(source.get("docs_policy")).hasSize(4).noneMatch(r -> r.contains("doc_class=c ") || r.contains("doc_class=d "));
        assertThat(String.join("", source.get("ledger_account"))).contains("Cash caught_up");
        assertThat(report.rows().get("ledger_entry")).isEqualTo(26);
        assertThat(JdbcAuditStore.create(two.jdbc(), clock).forTenant(t).verify().intact()).isTrue();
    }

    @Test
    void the_fence_comes_after_the_snapshot_copy_so_the_bulk_copy_runs_while_the_tenant_writes() {
        TenantId t = company("journal-co", "one");
        for (int i = 1; i <= 30; i++) {
            post(t, i);
        }
        Map<MoveStep, Instant> journal = new java.util.EnumMap<>(MoveStep.class);
        Map<MoveStep, Boolean> sourceWritable = new java.util.EnumMap<>(MoveStep.class);
        MoveReport report = move(t).onStep(step -> {
            if (step == MoveStep.COPIED || step == MoveStep.FENCED) {
                // the journal row of the step: on the target until the fence, on the source from it
                DataSource db = step == MoveStep.COPIED ? two.dataSource() : one.dataSource();
                journal.put(step, Jdbc.of(db).inTransaction(c -> Jdbc.queryOne(c, "SELECT changed_at, step FROM " + TenantFence.TABLE
                        + " WHERE tenant_id = ?", rs -> {
                            assertThat(rs.getString(2)).isEqualTo(step.name());
                            return Jdbc.instant(rs, "changed_at");
                        }, t.value()).orElseThrow()));
            }
            if (step.compareTo(MoveStep.OPENED) < 0) {
                sourceWritable.put(step, writable(fencedOne, t));
            }
        }).run();

        assertThat(report.complete()).isTrue();
        assertThat(journal.get(MoveStep.FENCED)).as("fenced after the snapshot was copied").isAfter(journal.get(MoveStep.COPIED));
        assertThat(sourceWritable).containsEntry(MoveStep.PREPARED, true).containsEntry(MoveStep.COPIED, true)
                .containsEntry(MoveStep.CAUGHT_UP, true).containsEntry(MoveStep.FENCED, false)
                .containsEntry(MoveStep.DELTA_COPIED, false).containsEntry(MoveStep.VERIFIED, false);
        assertThat(report.steps().keySet()).containsExactly(MoveStep.values());
        java.time.Duration fencedSteps = report.steps().get(MoveStep.DELTA_COPIED).plus(report.steps().get(MoveStep.VERIFIED))
                .plus(report.steps().get(MoveStep.OPENED));
        assertThat(report.fenced()).as("the fenced window holds the delta, verification and opening, not the copy")
                .isLessThanOrEqualTo(fencedSteps.plus(report.steps().get(MoveStep.FENCED)));
    }

    @Test
    void a_move_stopped_after_any_step_runs_again_to_the_end_and_is_never_writable_in_two_places() {
        for (MoveStep step : EnumSet.range(MoveStep.PREPARED, MoveStep.OPENED)) {
            TenantId t = company("stopped-" + step.name().toLowerCase(), "one");
            for (int i = 1; i <= 5; i++) {
                post(t, i);
            }
            long rows = rowsOf(one, t);
            MoveReport stopped = move(t).stopAfter(step).run();
            assertThat(stopped.reached()).isEqualTo(step);
            boolean onOne = writable(fencedOne, t);
            boolean onTwo = writable(fencedTwo, t);
            assertThat(onOne && onTwo).as("writable in two places after %s", step).isFalse();
            boolean beforeFence = step.compareTo(MoveStep.FENCED) < 0; // the snapshot copy and catch-up run unfenced
            assertThat(onOne).as("source writable after %s", step).isEqualTo(beforeFence);
            assertThat(onTwo).as("target writable after %s", step).isEqualTo(step == MoveStep.OPENED);
            assertThat(TenantMove.journalOf(one.dataSource(), t)).isEqualTo(beforeFence ? "open" : "fenced/" + step.name());
            if (beforeFence) {
                assertThat(TenantMove.journalOf(two.dataSource(), t)).isEqualTo("incoming/" + step.name());
            }

            MoveReport finished = move(t).run();
            assertThat(finished.complete()).as("rerun after %s", step).isTrue();
            assertThat(finished.resumed()).isEqualTo(step != MoveStep.PREPARED);
            assertThat(rowsOf(two, t)).as("rows on the target after %s", step).isEqualTo(rows);
            assertThat(writable(fencedOne, t)).isFalse();
            post(t, 6);
            assertThat(count(two, "ledger_entry", t)).isEqualTo(6);
            assertThat(JdbcAuditStore.create(two.jdbc(), clock).forTenant(t).verify().intact()).isTrue();
        }
    }

    @Test
    void a_move_stopped_after_any_step_rolls_back_to_the_source_with_nothing_left_on_the_target() {
        for (MoveStep step : EnumSet.range(MoveStep.PREPARED, MoveStep.OPENED)) {
            TenantId t = company("undone-" + step.name().toLowerCase(), "one");
            for (int i = 1; i <= 5; i++) {
                post(t, i);
            }
            long rows = rowsOf(one, t);
            move(t).stopAfter(step).run();
            move(t).rollback();
            assertThat(rowsOf(two, t)).as("rows left on the target after %s", step).isZero();
            assertThat(TenantMove.journalOf(two.dataSource(), t)).isEqualTo("open"); // no row: never there
            assertThat(writable(fencedOne, t)).isTrue();
            assertThat(rowsOf(one, t)).isEqualTo(rows);
            post(t, 6);
            assertThat(count(one, "ledger_entry", t)).isEqualTo(6);
            // and it can move after all
            assertThat(move(t).run().complete()).isTrue();
            assertThat(count(two, "ledger_entry", t)).isEqualTo(6);
        }
    }

    @Test
    void a_finished_move_is_not_rolled_back_its_source_refuses_for_good_and_can_be_purged() {
        TenantId t = company("gone-co", "one");
        TenantId stays = company("stays-co", "one");
        post(t, 1);
        post(stays, 1);
        move(t).run();
        assertThatThrownBy(() -> move(t).rollback())
                .isInstanceOfSatisfying(BackofficeException.class, e -> assertThat(e.code()).isEqualTo("storage.move_conflict"));
        assertThat(move(t).run().complete()).as("running a finished move again changes nothing").isTrue();
        assertThatThrownBy(() -> TenantMove.of(t).from("one", fencedOne).to("three", two.dataSource()).modules(modules).run())
                .isInstanceOfSatisfying(BackofficeException.class, e -> assertThat(e.code()).isEqualTo("storage.move_conflict"));
        try (TenantFence.Scope ignored = TenantFence.enter(t)) {
            assertThatThrownBy(() -> Jdbc.of(fencedOne).inTransactionRun(c -> { }))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_moved"));
        }
        long purged = move(t).purgeSource();
        assertThat(purged).isPositive();
        assertThat(rowsOf(one, t)).isZero();
        assertThat(rowsOf(one, stays)).isPositive();
        assertThat(writable(fencedOne, t)).isFalse();
        assertThat(count(two, "ledger_entry", t)).isEqualTo(1);
    }
}
