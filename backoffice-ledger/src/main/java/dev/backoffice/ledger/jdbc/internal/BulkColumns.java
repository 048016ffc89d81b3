package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Movement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows of one group as column arrays (one array per column, one element per row), bound by
 * the bulk writers of both dialects ({@link PgBulk}, {@link H2Bulk}) to their {@code UNNEST}
 * statements. The dialects differ only in how a date and an instant travel in an array. Each
 * column is an array of its element type ({@code Long[]}, {@code UUID[]}...), not {@code Object[]}:
 * the PostgreSQL driver then encodes numbers and UUIDs with its typed encoders instead of its
 * generic text path (which was a third of the committer thread's time).
 */
final class BulkColumns {

    /** How dates and instants are put into array elements. */
    enum Temporals {
        /** ISO text, cast by the statement (PostgreSQL: {@code ?::text[]} then {@code ::date}). */
        TEXT {
            @Override
            Object date(LocalDate d) {
                return d.toString();
            }

            @Override
            Object instant(Instant i) {
                return i.toString();
            }
        },
        /** Java time objects, converted by the driver (H2 arrays of DATE and TIMESTAMP WITH TIME ZONE). */
        OBJECTS {
            @Override
            Object date(LocalDate d) {
                return d;
            }

            @Override
            Object instant(Instant i) {
                return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
            }
        };

        abstract Object date(LocalDate d);

        abstract Object instant(Instant i);
    }

    private BulkColumns() {
    }

    /**
     * Entries: id, sequence, kind, effective date, booked at, description, metadata, idempotency
     * key, lines, pending id, reverses, expires at.
     */
    static Object[][] entries(List<JournalEntry> entries, Temporals t) {
        int n = entries.size();
        Object[][] cols = {new UUID[n], new Long[n], new String[n], new Object[n], new Object[n], new String[n], new String[n],
                new String[n], new String[n], new UUID[n], new UUID[n], new Object[n]};
        for (int i = 0; i < n; i++) {
            JournalEntry e = entries.get(i);
            cols[0][i] = e.id().value();
            cols[1][i] = e.sequence();
            cols[2][i] = e.kind().name();
            cols[3][i] = t.date(e.effectiveDate());
            cols[4][i] = t.instant(e.bookedAt());
            cols[5][i] = e.description();
            cols[6][i] = LedgerSql.writeMetadata(e.metadata());
            cols[7][i] = e.idempotencyKey().orElse(null);
            cols[8][i] = LedgerSql.encodeLines(e.lines());
            cols[9][i] = e.pendingId().map(EntryId::value).orElse(null);
            cols[10][i] = e.reverses().map(EntryId::value).orElse(null);
            cols[11][i] = e.expiresAt().map(t::instant).orElse(null);
        }
        return cols;
    }

    /** Movements: account, effective date, sequence, index, entry id, kind, side, pending, amount. */
    static Object[][] movements(List<Movement> movements, Temporals t) {
        int n = movements.size();
        Object[][] cols = {new UUID[n], new Object[n], new Long[n], new Integer[n], new UUID[n], new String[n], new String[n],
                new Boolean[n], new Long[n]};
        for (int i = 0; i < n; i++) {
            Movement m = movements.get(i);
            cols[0][i] = m.account().value();
            cols[1][i] = t.date(m.effectiveDate());
            cols[2][i] = m.sequence();
            cols[3][i] = m.index();
            cols[4][i] = m.entryId().value();
            cols[5][i] = m.kind().name();
            cols[6][i] = LedgerSql.sideCode(m.side());
            cols[7][i] = m.pending();
            cols[8][i] = m.amount();
        }
        return cols;
    }

    /**
     * Account rows: id, the four counters, then the current day (see {@link CurrentDays}): keep
     * (true: the row's day is left as it is), date, the day's four totals.
     */
    static Object[][] accounts(Map<AccountId, AccountCounters> counters, CurrentDays.Plan plan, Temporals t) {
        int n = counters.size();
        Object[][] cols = {new UUID[n], new Long[n], new Long[n], new Long[n], new Long[n], new Boolean[n], new Object[n],
                new Long[n], new Long[n], new Long[n], new Long[n]};
        int i = 0;
        for (Map.Entry<AccountId, AccountCounters> e : counters.entrySet()) {
            AccountCounters k = e.getValue();
            CurrentDays.Day day = plan.days().get(e.getKey());
            AccountCounters d = day == null ? AccountCounters.ZERO : day.totals();
            cols[0][i] = e.getKey().value();
            cols[1][i] = k.debitsPosted();
            cols[2][i] = k.creditsPosted();
            cols[3][i] = k.debitsPending();
            cols[4][i] = k.creditsPending();
            cols[5][i] = day == null;
            cols[6][i] = day == null || day.date() == null ? null : t.date(day.date());
            cols[7][i] = d.debitsPosted();
            cols[8][i] = d.creditsPosted();
            cols[9][i] = d.debitsPending();
            cols[10][i] = d.creditsPending();
            i++;
        }
        return cols;
    }

    /** Daily snapshot deltas: account, value date, closing, the four counters. */
    static Object[][] days(Map<LedgerSql.DayKey, AccountCounters> days, Temporals t) {
        int n = days.size();
        Object[][] cols = {new UUID[n], new Object[n], new Boolean[n], new Long[n], new Long[n], new Long[n], new Long[n]};
        int i = 0;
        for (Map.Entry<LedgerSql.DayKey, AccountCounters> e : days.entrySet()) {
            AccountCounters k = e.getValue();
            cols[0][i] = e.getKey().account().value();
            cols[1][i] = t.date(e.getKey().day());
            cols[2][i] = e.getKey().closing();
            cols[3][i] = k.debitsPosted();
            cols[4][i] = k.creditsPosted();
            cols[5][i] = k.debitsPending();
            cols[6][i] = k.creditsPending();
            i++;
        }
        return cols;
    }
}
