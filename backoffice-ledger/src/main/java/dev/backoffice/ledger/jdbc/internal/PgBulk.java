package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Movement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
            execute(c, INSERT_ENTRIES, tenant, BulkColumns.entries(entries, BulkColumns.Temporals.TEXT),
                    "uuid", "int8", "text", "text", "text", "text", "text", "text", "text", "uuid", "uuid", "text");
        }
        long t2 = System.nanoTime();
        if (!movements.isEmpty()) {
            execute(c, INSERT_MOVEMENTS, tenant, BulkColumns.movements(movements, BulkColumns.Temporals.TEXT),
                    "uuid", "text", "int8", "int4", "uuid", "text", "text", "bool", "int8");
        }
        long t3 = System.nanoTime();
        if (!days.isEmpty()) {
            execute(c, UPSERT_DAYS, tenant, BulkColumns.days(days, BulkColumns.Temporals.TEXT),
                    "uuid", "text", "bool", "int8", "int8", "int8", "int8");
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("flush: counters {} us, entries {} us, movements {} us, days {} us", (t1 - t0) / 1000, (t2 - t1) / 1000,
                    (t3 - t2) / 1000, (System.nanoTime() - t3) / 1000);
        }
    }

    /** One statement: the tenant, then one array per column, of the given PostgreSQL element types. */
    private static void execute(Connection c, String sql, String tenant, Object[][] cols, String... types) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 2, c.createArrayOf(types[k], cols[k]));
            }
            ps.executeUpdate();
        }
    }
}
