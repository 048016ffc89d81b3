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
 * Embedded H2 bulk writes: like {@link PgBulk}, each kind of row is written by one statement over
 * {@code UNNEST} of array parameters. On embedded H2 there is no round trip to save, but each
 * statement execution has a fixed cost (statement start, undo-log mark, map lookups) that a JDBC
 * batch pays once per row: a group of 64 entries wrote some 350 rows as 350 executions, which took
 * most of the group's time. Entries, movements and daily snapshots (a {@code MERGE ... USING} the
 * unnested rows: H2 has no {@code ON CONFLICT ... DO UPDATE} over a set) are now one execution
 * each. Balances stay one primary-key {@code UPDATE} per account in a JDBC batch: a
 * {@code MERGE} over the unnested counters measured no faster (an H2 row update, ~60 µs here,
 * costs the same either way).
 */
final class H2Bulk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(H2Bulk.class);

    private H2Bulk() {
    }

    /** Parameters: the four counters, the current day's date and four totals, tenant, account. */
    private static final String UPDATE_ACCOUNT = "UPDATE ledger_account SET debits_posted = ?, credits_posted = ?, "
            + "debits_pending = ?, credits_pending = ?, day_date = ?, day_debits_posted = ?, day_credits_posted = ?, "
            + "day_debits_pending = ?, day_credits_pending = ? WHERE tenant_id = ? AND account_id = ?";

    /** For an account whose current day this transaction does not know: parameters the four counters, tenant, account. */
    private static final String UPDATE_COUNTERS = "UPDATE ledger_account SET debits_posted = ?, credits_posted = ?, "
            + "debits_pending = ?, credits_pending = ? WHERE tenant_id = ? AND account_id = ?";

    private static final String INSERT_ENTRIES = "INSERT INTO ledger_entry (tenant_id, " + LedgerSql.ENTRY_COLUMNS + ") "
            + "SELECT CAST(? AS VARCHAR(64)), v.id, v.seq, v.kind, v.d, v.booked, v.description, v.metadata, v.ikey, v.lines, "
            + "v.pending_id, v.reverses, v.expires "
            + "FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS DATE ARRAY), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), "
            + "CAST(? AS VARCHAR ARRAY), CAST(? AS UUID ARRAY), CAST(? AS UUID ARRAY), CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY)) "
            + "AS v(id, seq, kind, d, booked, description, metadata, ikey, lines, pending_id, reverses, expires)";

    private static final String INSERT_MOVEMENTS = "INSERT INTO ledger_movement (tenant_id, account_id, effective_date, sequence, "
            + "idx, entry_id, kind, side, pending, amount) "
            + "SELECT CAST(? AS VARCHAR(64)), v.account, v.d, v.seq, v.idx, v.entry, v.kind, v.side, v.pending, v.amount "
            + "FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS INTEGER ARRAY), "
            + "CAST(? AS UUID ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS BOOLEAN ARRAY), "
            + "CAST(? AS BIGINT ARRAY)) AS v(account, d, seq, idx, entry, kind, side, pending, amount)";

    private static final String UPSERT_DAYS = "MERGE INTO ledger_account_day d USING (SELECT CAST(? AS VARCHAR(64)) AS tenant_id, "
            + "v.account, v.d, v.closing, v.dp, v.cp, v.dpe, v.cpe FROM UNNEST(CAST(? AS UUID ARRAY), CAST(? AS DATE ARRAY), "
            + "CAST(? AS BOOLEAN ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY), "
            + "CAST(? AS BIGINT ARRAY)) AS v(account, d, closing, dp, cp, dpe, cpe)) AS v "
            + "ON d.tenant_id = v.tenant_id AND d.account_id = v.account AND d.value_date = v.d AND d.closing = v.closing "
            + "WHEN MATCHED THEN UPDATE SET debits_posted = d.debits_posted + v.dp, credits_posted = d.credits_posted + v.cp, "
            + "debits_pending = d.debits_pending + v.dpe, credits_pending = d.credits_pending + v.cpe "
            + "WHEN NOT MATCHED THEN INSERT (tenant_id, account_id, value_date, closing, debits_posted, credits_posted, "
            + "debits_pending, credits_pending) VALUES (v.tenant_id, v.account, v.d, v.closing, v.dp, v.cp, v.dpe, v.cpe)";

    static void write(Connection c, String tenant, List<JournalEntry> entries, List<Movement> movements,
                      Map<AccountId, AccountCounters> counters, CurrentDays.Plan plan) throws SQLException {
        long t0 = System.nanoTime();
        if (!counters.isEmpty()) {
            // one primary-key UPDATE per account (as a JDBC batch): measured cheaper on H2 than a
            // MERGE over the unnested rows
            Object[][] cols = BulkColumns.accounts(counters, plan, BulkColumns.Temporals.OBJECTS);
            List<Object[]> withDay = new java.util.ArrayList<>(counters.size());
            List<Object[]> countersOnly = new java.util.ArrayList<>();
            for (int i = 0; i < counters.size(); i++) {
                boolean keep = (Boolean) cols[5][i];
                Object[] row = keep
                        ? new Object[] {cols[1][i], cols[2][i], cols[3][i], cols[4][i], tenant, cols[0][i]}
                        : new Object[] {cols[1][i], cols[2][i], cols[3][i], cols[4][i], cols[6][i], cols[7][i], cols[8][i],
                                cols[9][i], cols[10][i], tenant, cols[0][i]};
                (keep ? countersOnly : withDay).add(row);
            }
            if (!withDay.isEmpty()) {
                dev.backoffice.core.jdbc.Jdbc.batch(c, UPDATE_ACCOUNT, withDay, 1000);
            }
            if (!countersOnly.isEmpty()) {
                dev.backoffice.core.jdbc.Jdbc.batch(c, UPDATE_COUNTERS, countersOnly, 1000);
            }
        }
        long t1 = System.nanoTime();
        if (!entries.isEmpty()) {
            execute(c, INSERT_ENTRIES, tenant, BulkColumns.entries(entries, BulkColumns.Temporals.OBJECTS));
        }
        long t2 = System.nanoTime();
        if (!movements.isEmpty()) {
            execute(c, INSERT_MOVEMENTS, tenant, BulkColumns.movements(movements, BulkColumns.Temporals.OBJECTS));
        }
        long t3 = System.nanoTime();
        if (!plan.snapshots().isEmpty()) {
            execute(c, UPSERT_DAYS, tenant, BulkColumns.days(plan.snapshots(), BulkColumns.Temporals.OBJECTS));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("flush: counters {} us, entries {} us, movements {} us, days {} us", (t1 - t0) / 1000, (t2 - t1) / 1000,
                    (t3 - t2) / 1000, (System.nanoTime() - t3) / 1000);
        }
    }

    /** One statement: the tenant, then one array per column (H2 converts each element by its Java type). */
    private static void execute(Connection c, String sql, String tenant, Object[][] cols) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant);
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 2, c.createArrayOf("varchar", cols[k]));
            }
            ps.executeUpdate();
        }
    }
}
