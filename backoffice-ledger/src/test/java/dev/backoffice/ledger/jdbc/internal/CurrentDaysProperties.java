package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.Movement;
import dev.backoffice.ledger.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current-day bookkeeping of the JDBC ledger: whatever the order of value dates (today,
 * backdated, rolling forward), closing entries and holds, the snapshot rows up to a date plus the
 * account row's day (when not later) equal the movements up to that date, for every date.
 */
class CurrentDaysProperties {

    private static final LocalDate D0 = LocalDate.of(2026, 1, 1);
    private static final AccountId A = AccountId.of(new java.util.UUID(0, 1));
    private static final AccountId B = AccountId.of(new java.util.UUID(0, 2));

    /** The two tables as the flushes leave them: snapshot rows and each account row's day. */
    private static final class Tables {
        final Map<LedgerSql.DayKey, AccountCounters> snapshots = new HashMap<>();
        final Map<AccountId, CurrentDays.Day> rowDays = new HashMap<>();

        void apply(CurrentDays.Plan plan) {
            plan.snapshots().forEach((k, v) -> snapshots.merge(k, v, AccountCounters::plus));
            rowDays.putAll(plan.days());
        }

        AccountCounters asOf(AccountId account, LocalDate date, boolean includeClosing) {
            AccountCounters sum = AccountCounters.ZERO;
            for (Map.Entry<LedgerSql.DayKey, AccountCounters> e : snapshots.entrySet()) {
                LedgerSql.DayKey k = e.getKey();
                if (k.account().equals(account) && !k.day().isAfter(date) && (includeClosing || !k.closing())) {
                    sum = sum.plus(e.getValue());
                }
            }
            CurrentDays.Day day = rowDays.getOrDefault(account, CurrentDays.Day.NONE);
            if (day.date() != null && !day.date().isAfter(date)) {
                sum = sum.plus(day.totals());
            }
            return sum;
        }
    }

    private static AccountCounters brute(List<Movement> movements, AccountId account, LocalDate date, boolean includeClosing) {
        AccountCounters sum = AccountCounters.ZERO;
        for (Movement m : movements) {
            if (m.account().equals(account) && !m.effectiveDate().isAfter(date) && (includeClosing || m.kind() != EntryKind.CLOSING)) {
                sum = sum.apply(m);
            }
        }
        return sum;
    }

    @Provide
    Arbitrary<List<Movement>> movements() {
        return movement().list().ofMaxSize(40);
    }

    private static Arbitrary<Movement> movement() {
        return Combinators.combine(Arbitraries.of(A, B), Arbitraries.integers().between(0, 12),
                        Arbitraries.of(EntryKind.STANDARD, EntryKind.STANDARD, EntryKind.PENDING, EntryKind.CLOSING),
                        Arbitraries.of(Side.DEBIT, Side.CREDIT), Arbitraries.longs().between(1, 1_000))
                .as((account, day, kind, side, amount) -> new Movement(1, EntryId.of(new java.util.UUID(1, 1)), 0, account,
                        D0.plusDays(day), kind, side, kind == EntryKind.PENDING, amount));
    }

    @Property
    void snapshotsPlusTheRowsDayEqualTheMovementsUpToEveryDate(
            @ForAll("movements") List<Movement> all, @ForAll List<@net.jqwik.api.constraints.IntRange(min = 1, max = 5) Integer> cuts,
            @ForAll boolean knowB) {
        CurrentDays days = new CurrentDays();
        days.remember(A, CurrentDays.Day.NONE);
        if (knowB) {
            days.remember(B, CurrentDays.Day.NONE); // B unknown: its movements all go to snapshot rows
        }
        Tables tables = new Tables();
        int from = 0;
        int c = 0;
        while (from < all.size()) {
            int to = Math.min(all.size(), from + (cuts.isEmpty() ? 3 : cuts.get(c++ % cuts.size())));
            tables.apply(days.plan(new ArrayList<>(all.subList(from, to))));
            from = to;
        }
        for (AccountId account : List.of(A, B)) {
            for (int d = -1; d <= 13; d++) {
                LocalDate date = D0.plusDays(d);
                assertThat(tables.asOf(account, date, true)).isEqualTo(brute(all, account, date, true));
                assertThat(tables.asOf(account, date, false)).isEqualTo(brute(all, account, date, false));
            }
        }
        if (!knowB) {
            assertThat(tables.rowDays).doesNotContainKey(B);
        }
    }

    @Example
    void postingsOfTheCurrentDayWriteNoSnapshotRow() {
        CurrentDays days = new CurrentDays();
        days.remember(A, new CurrentDays.Day(D0, new AccountCounters(5, 0, 0, 0)));
        CurrentDays.Plan plan = days.plan(List.of(new Movement(1, EntryId.of(new java.util.UUID(1, 1)), 0, A, D0,
                EntryKind.STANDARD, Side.DEBIT, false, 7)));
        assertThat(plan.snapshots()).isEmpty();
        assertThat(plan.days()).containsEntry(A, new CurrentDays.Day(D0, new AccountCounters(12, 0, 0, 0)));
    }

    @Example
    void aLaterDateRollsTheOldDayIntoASnapshotRow() {
        CurrentDays days = new CurrentDays();
        days.remember(A, new CurrentDays.Day(D0, new AccountCounters(5, 0, 0, 0)));
        CurrentDays.Plan plan = days.plan(List.of(new Movement(1, EntryId.of(new java.util.UUID(1, 1)), 0, A, D0.plusDays(1),
                EntryKind.STANDARD, Side.CREDIT, false, 7)));
        assertThat(plan.snapshots()).containsExactly(Map.entry(new LedgerSql.DayKey(A, D0, false), new AccountCounters(5, 0, 0, 0)));
        assertThat(plan.days()).containsEntry(A, new CurrentDays.Day(D0.plusDays(1), new AccountCounters(0, 7, 0, 0)));
    }
}
