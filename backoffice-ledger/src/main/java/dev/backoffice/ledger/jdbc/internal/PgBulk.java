package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Movement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL bulk writes: each kind of row is written by one statement over {@code unnest} of
 * array parameters, so a group of any size costs four round trips (counters, entries, movements,
 * daily snapshots) and four statement executions, with no dependence on the driver's
 * {@code reWriteBatchedInserts}. The balance update is {@code UPDATE ... FROM unnest(...)}: each
 * touched account once per group, with its final counters.
 */
final class PgBulk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PgBulk.class);

    private PgBulk() {
    }

    private static final String UPDATE_COUNTERS = "UPDATE ledger_account a SET debits_posted = v.dp, credits_posted = v.cp, "
            + "debits_pending = v.dpe, credits_pending = v.cpe "
            + "FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::int8[], ?::int8[]) AS v(id, dp, cp, dpe, cpe) "
            + "WHERE a.tenant_id = ? AND a.account_id = v.id";

    private static final String INSERT_ENTRIES = "INSERT INTO ledger_entry (tenant_id, " + LedgerSql.ENTRY_COLUMNS + ") "
            + "SELECT ?, v.id, v.seq, v.kind, v.d::date, v.booked::timestamptz, v.description, v.metadata, v.ikey, v.lines, "
            + "v.pending_id, v.reverses, v.expires::timestamptz "
            + "FROM unnest(?::uuid[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::uuid[], ?::uuid[], ?::text[]) "
            + "AS v(id, seq, kind, d, booked, description, metadata, ikey, lines, pending_id, reverses, expires)";

    private static final String INSERT_MOVEMENTS = "INSERT INTO ledger_movement (tenant_id, account_id, effective_date, sequence, "
            + "idx, entry_id, kind, side, pending, amount) "
            + "SELECT ?, v.account, v.d::date, v.seq, v.idx, v.entry, v.kind, v.side, v.pending, v.amount "
            + "FROM unnest(?::uuid[], ?::text[], ?::int8[], ?::int4[], ?::uuid[], ?::text[], ?::text[], ?::bool[], ?::int8[]) "
            + "AS v(account, d, seq, idx, entry, kind, side, pending, amount)";

    private static final String UPSERT_DAYS = "INSERT INTO ledger_account_day (tenant_id, account_id, value_date, closing, debits_posted, "
            + "credits_posted, debits_pending, credits_pending) "
            + "SELECT ?, v.account, v.d::date, v.closing, v.dp, v.cp, v.dpe, v.cpe "
            + "FROM unnest(?::uuid[], ?::text[], ?::bool[], ?::int8[], ?::int8[], ?::int8[], ?::int8[]) "
            + "AS v(account, d, closing, dp, cp, dpe, cpe) "
            + "ON CONFLICT (tenant_id, account_id, value_date, closing) DO UPDATE SET "
            + "debits_posted = ledger_account_day.debits_posted + EXCLUDED.debits_posted, "
            + "credits_posted = ledger_account_day.credits_posted + EXCLUDED.credits_posted, "
            + "debits_pending = ledger_account_day.debits_pending + EXCLUDED.debits_pending, "
            + "credits_pending = ledger_account_day.credits_pending + EXCLUDED.credits_pending";

    static void write(Connection c, String tenant, List<JournalEntry> entries, List<Movement> movements,
                      Map<AccountId, AccountCounters> counters, Map<LedgerSql.DayKey, AccountCounters> days) throws SQLException {
        long t0 = System.nanoTime();
        if (!counters.isEmpty()) {
            int n = counters.size();
            Object[] ids = new Object[n];
            Object[] dp = new Object[n];
            Object[] cp = new Object[n];
            Object[] dpe = new Object[n];
            Object[] cpe = new Object[n];
            int i = 0;
            for (Map.Entry<AccountId, AccountCounters> e : counters.entrySet()) {
                AccountCounters k = e.getValue();
                ids[i] = e.getKey().value();
                dp[i] = k.debitsPosted();
                cp[i] = k.creditsPosted();
                dpe[i] = k.debitsPending();
                cpe[i] = k.creditsPending();
                i++;
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE_COUNTERS)) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("int8", dp));
                ps.setArray(3, c.createArrayOf("int8", cp));
                ps.setArray(4, c.createArrayOf("int8", dpe));
                ps.setArray(5, c.createArrayOf("int8", cpe));
                ps.setString(6, tenant);
                ps.executeUpdate();
            }
        }
        long t1 = System.nanoTime();
        if (!entries.isEmpty()) {
            int n = entries.size();
            Object[][] cols = new Object[12][n];
            for (int i = 0; i < n; i++) {
                JournalEntry e = entries.get(i);
                cols[0][i] = e.id().value();
                cols[1][i] = e.sequence();
                cols[2][i] = e.kind().name();
                cols[3][i] = e.effectiveDate().toString();
                cols[4][i] = e.bookedAt().toString();
                cols[5][i] = e.description();
                cols[6][i] = LedgerSql.writeMetadata(e.metadata());
                cols[7][i] = e.idempotencyKey().orElse(null);
                cols[8][i] = LedgerSql.encodeLines(e.lines());
                cols[9][i] = e.pendingId().map(EntryId::value).orElse(null);
                cols[10][i] = e.reverses().map(EntryId::value).orElse(null);
                cols[11][i] = e.expiresAt().map(Instant::toString).orElse(null);
            }
            String[] types = {"uuid", "int8", "text", "text", "text", "text", "text", "text", "text", "uuid", "uuid", "text"};
            try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRIES)) {
                ps.setString(1, tenant);
                for (int k = 0; k < 12; k++) {
                    ps.setArray(k + 2, c.createArrayOf(types[k], cols[k]));
                }
                ps.executeUpdate();
            }
        }
        long t2 = System.nanoTime();
        if (!movements.isEmpty()) {
            int n = movements.size();
            Object[][] cols = new Object[9][n];
            for (int i = 0; i < n; i++) {
                Movement m = movements.get(i);
                cols[0][i] = m.account().value();
                cols[1][i] = m.effectiveDate().toString();
                cols[2][i] = m.sequence();
                cols[3][i] = m.index();
                cols[4][i] = m.entryId().value();
                cols[5][i] = m.kind().name();
                cols[6][i] = LedgerSql.sideCode(m.side());
                cols[7][i] = m.pending();
                cols[8][i] = m.amount();
            }
            String[] types = {"uuid", "text", "int8", "int4", "uuid", "text", "text", "bool", "int8"};
            try (PreparedStatement ps = c.prepareStatement(INSERT_MOVEMENTS)) {
                ps.setString(1, tenant);
                for (int k = 0; k < 9; k++) {
                    ps.setArray(k + 2, c.createArrayOf(types[k], cols[k]));
                }
                ps.executeUpdate();
            }
        }
        long t3 = System.nanoTime();
        if (!days.isEmpty()) {
            int n = days.size();
            Object[][] cols = new Object[7][n];
            int i = 0;
            for (Map.Entry<LedgerSql.DayKey, AccountCounters> e : days.entrySet()) {
                AccountCounters k = e.getValue();
                cols[0][i] = e.getKey().account().value();
                cols[1][i] = e.getKey().day().toString();
                cols[2][i] = e.getKey().closing();
                cols[3][i] = k.debitsPosted();
                cols[4][i] = k.creditsPosted();
                cols[5][i] = k.debitsPending();
                cols[6][i] = k.creditsPending();
                i++;
            }
            String[] types = {"uuid", "text", "bool", "int8", "int8", "int8", "int8"};
            try (PreparedStatement ps = c.prepareStatement(UPSERT_DAYS)) {
                ps.setString(1, tenant);
                for (int k = 0; k < 7; k++) {
                    ps.setArray(k + 2, c.createArrayOf(types[k], cols[k]));
                }
                ps.executeUpdate();
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("flush: counters {} us, entries {} us, movements {} us, days {} us", (t1 - t0) / 1000, (t2 - t1) / 1000,
                    (t3 - t2) / 1000, (System.nanoTime() - t3) / 1000);
        }
    }
}
