package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryKind;
import dev.backoffice.ledger.Movement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The current day of every account one transaction has locked or created, and how a write moves
 * it (schema {@code V2__ledger_current_day.sql}).
 *
 * <p>An account row carries the totals of its latest value date (non-closing movements only); the
 * daily snapshot table holds every other day. A write adds each account's movements of that day
 * to the row (no snapshot row at all in the common case: everything dated today), rolls the row
 * over when a later date arrives (the old day's totals become a snapshot row), and sends
 * earlier-dated and closing movements to snapshot rows. Whatever the dates, for every date D:
 * snapshot rows up to D plus the row's day when it is up to D equal the movements up to D
 * ({@code CurrentDaysProperties}).
 *
 * <p>The row's day is known exactly because the account is locked ({@code FOR UPDATE}) when it is
 * read, and it is updated here as writes are planned, so several writes in one transaction chain
 * correctly. An account this transaction did not lock or create is never guessed at: its
 * movements go to snapshot rows and its row's day is left as it is.
 */
final class CurrentDays {

    /**
     * An account's current day.
     *
     * @param date   its latest value date with non-closing movements, null when it has none
     * @param totals that day's totals (non-closing movements)
     */
    record Day(LocalDate date, AccountCounters totals) {
        static final Day NONE = new Day(null, AccountCounters.ZERO);
    }

    /**
     * The day writes of one flush.
     *
     * @param days      the new current day of each account whose row's day changes
     * @param snapshots additions to daily snapshot rows
     */
    record Plan(Map<AccountId, Day> days, Map<LedgerSql.DayKey, AccountCounters> snapshots) {
    }

    private final Map<AccountId, Day> known = new HashMap<>();

    /** Records the current day of an account read under lock, or of an account created in this transaction. */
    void remember(AccountId account, Day day) {
        known.put(account, day);
    }

    /** Plans the day writes of {@code movements}, and from now on assumes they are written. */
    Plan plan(List<Movement> movements) {
        Map<AccountId, Map<LocalDate, AccountCounters>> open = new LinkedHashMap<>();
        Map<LedgerSql.DayKey, AccountCounters> snapshots = new HashMap<>();
        for (Movement m : movements) {
            boolean closing = m.kind() == EntryKind.CLOSING;
            AccountCounters delta = AccountCounters.ZERO.apply(m);
            if (closing || !known.containsKey(m.account())) {
                snapshots.merge(new LedgerSql.DayKey(m.account(), m.effectiveDate(), closing), delta, AccountCounters::plus);
            } else {
                open.computeIfAbsent(m.account(), a -> new HashMap<>()).merge(m.effectiveDate(), delta, AccountCounters::plus);
            }
        }
        Map<AccountId, Day> days = new HashMap<>();
        for (Map.Entry<AccountId, Map<LocalDate, AccountCounters>> e : open.entrySet()) {
            AccountId account = e.getKey();
            Day next = roll(known.get(account), e.getValue(),
                    (date, totals) -> snapshots.merge(new LedgerSql.DayKey(account, date, false), totals, AccountCounters::plus));
            days.put(account, next);
            known.put(account, next);
        }
        return new Plan(days, snapshots);
    }

    /**
     * One account's new current day after adding {@code deltas} (non-closing, by value date, not
     * empty); what leaves the row or never enters it goes to {@code toSnapshot}.
     */
    static Day roll(Day current, Map<LocalDate, AccountCounters> deltas, BiConsumer<LocalDate, AccountCounters> toSnapshot) {
        LocalDate latest = current.date();
        for (LocalDate d : deltas.keySet()) {
            if (latest == null || d.isAfter(latest)) {
                latest = d;
            }
        }
        boolean sameDay = latest.equals(current.date());
        AccountCounters row = sameDay ? current.totals() : AccountCounters.ZERO;
        if (!sameDay && current.date() != null && !current.totals().equals(AccountCounters.ZERO)) {
            toSnapshot.accept(current.date(), current.totals()); // roll over: the old day becomes a snapshot row
        }
        for (Map.Entry<LocalDate, AccountCounters> d : deltas.entrySet()) {
            if (d.getKey().equals(latest)) {
                row = row.plus(d.getValue());
            } else {
                toSnapshot.accept(d.getKey(), d.getValue()); // dated before the current day
            }
        }
        return new Day(latest, row);
    }
}
