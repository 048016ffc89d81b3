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
 * PostgreSQL bulk write: a whole group (balances and current days, entries, movements, daily
 * snapshot rows) in <em>one</em> statement of data-modifying {@code WITH} clauses, each over
 * {@code unnest} of array parameters. One round trip and one statement execution per group,
 * whatever its size: on this two-core machine each extra round trip was ~0.4 ms of a ~10 ms group
 * of 64 entries. PostgreSQL runs every clause to completion, in one snapshot, and a failure in any
 * (a unique key taken by a concurrent process) fails the statement, as it would a single insert.
 *
 * <p>The balance update sets each touched account once, with its final counters and current day
 * (see {@link CurrentDays}); its rows were locked {@code FOR UPDATE} in account order before.
 */
final class PgBulk {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PgBulk.class);

    private PgBulk() {
    }

    private static final String UPDATE_ACCOUNTS = "UPDATE ledger_account a SET debits_posted = v.dp, credits_posted = v.cp, "
            + "debits_pending = v.dpe, credits_pending = v.cpe, "
            + "day_date = CASE WHEN v.keep THEN a.day_date ELSE v.day::date END, "
            + "day_debits_posted = CASE WHEN v.keep THEN a.day_debits_posted ELSE v.ddp END, "
            + "day_credits_posted = CASE WHEN v.keep THEN a.day_credits_posted ELSE v.dcp END, "
            + "day_debits_pending = CASE WHEN v.keep THEN a.day_debits_pending ELSE v.ddpe END, "
            + "day_credits_pending = CASE WHEN v.keep THEN a.day_credits_pending ELSE v.dcpe END "
            + "FROM unnest(?::uuid[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::bool[], ?::text[], ?::int8[], ?::int8[], "
            + "?::int8[], ?::int8[]) AS v(id, dp, cp, dpe, cpe, keep, day, ddp, dcp, ddpe, dcpe) "
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

    private static final String[] ACCOUNT_TYPES = {"uuid", "int8", "int8", "int8", "int8", "bool", "text", "int8", "int8", "int8", "int8"};
    private static final String[] ENTRY_TYPES = {"uuid", "int8", "text", "text", "text", "text", "text", "text", "text", "uuid", "uuid",
            "text"};
    private static final String[] MOVEMENT_TYPES = {"uuid", "text", "int8", "int4", "uuid", "text", "text", "bool", "int8"};
    private static final String[] DAY_TYPES = {"uuid", "text", "bool", "int8", "int8", "int8", "int8"};

    /** The four writes as one statement; a clause with no rows is left out (so is its parameter list). */
    static void write(Connection c, String tenant, List<JournalEntry> entries, List<Movement> movements,
                      Map<AccountId, AccountCounters> counters, CurrentDays.Plan plan) throws SQLException {
        long t0 = System.nanoTime();
        Clause[] clauses = {
                counters.isEmpty() ? null
                        : new Clause(UPDATE_ACCOUNTS, false, BulkColumns.accounts(counters, plan, BulkColumns.Temporals.TEXT), ACCOUNT_TYPES),
                entries.isEmpty() ? null
                        : new Clause(INSERT_ENTRIES, true, BulkColumns.entries(entries, BulkColumns.Temporals.TEXT), ENTRY_TYPES),
                movements.isEmpty() ? null
                        : new Clause(INSERT_MOVEMENTS, true, BulkColumns.movements(movements, BulkColumns.Temporals.TEXT), MOVEMENT_TYPES),
                plan.snapshots().isEmpty() ? null
                        : new Clause(UPSERT_DAYS, true, BulkColumns.days(plan.snapshots(), BulkColumns.Temporals.TEXT), DAY_TYPES)};
        StringBuilder sql = new StringBuilder();
        Clause last = null;
        int with = 0;
        for (Clause clause : clauses) {
            if (clause == null) {
                continue;
            }
            if (last != null) {
                sql.append(with++ == 0 ? "WITH " : ", ").append("w").append(with).append(" AS (").append(last.sql).append(')');
            }
            last = clause;
        }
        if (last == null) {
            return;
        }
        sql.append(with == 0 ? "" : " ").append(last.sql);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Clause clause : clauses) {
                if (clause != null) {
                    p = clause.bind(c, ps, p, tenant);
                }
            }
            ps.executeUpdate();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("flush: {} accounts, {} entries, {} movements, {} snapshot rows in one statement, {} us", counters.size(),
                    entries.size(), movements.size(), plan.snapshots().size(), (System.nanoTime() - t0) / 1000);
        }
    }

    /**
     * A column as an array parameter the driver sends in binary. The driver encodes arrays of
     * numbers and of strings in binary, but any other element type (UUIDs, or text in an
     * {@code Object[]}) through its generic text path, which escapes every character: that was
     * most of the committer thread's encoding time. So UUIDs and text travel as a {@code text[]}
     * in binary, and the statement's {@code ?::uuid[]} (or {@code ::date}...) casts them on the server.
     */
    static java.sql.Array array(Connection c, String type, Object[] column) throws SQLException {
        if (column instanceof Long[] || column instanceof Integer[] || column instanceof Boolean[] || column instanceof String[]) {
            return c.createArrayOf(type, column);
        }
        String[] text = new String[column.length];
        for (int i = 0; i < column.length; i++) {
            text[i] = column[i] == null ? null : column[i].toString();
        }
        return c.createArrayOf("text", text);
    }

    /** One clause: its SQL, whether the tenant comes before its arrays (inserts) or after (the update), its columns. */
    private record Clause(String sql, boolean tenantFirst, Object[][] cols, String[] types) {

        int bind(Connection c, PreparedStatement ps, int p, String tenant) throws SQLException {
            if (tenantFirst) {
                ps.setString(p++, tenant);
            }
            for (int k = 0; k < cols.length; k++) {
                Object[] col = cols[k];
                if (col instanceof Long[] || col instanceof Integer[] || col instanceof Boolean[]) {
                    ps.setArray(p++, c.createArrayOf(types[k], col)); // numbers and booleans: the driver's binary encoding is fast
                } else {
                    ps.setString(p++, PgTextArrays.literal(col)); // text, UUIDs, dates: see PgTextArrays
                }
            }
            if (!tenantFirst) {
                ps.setString(p++, tenant);
            }
            return p;
        }
    }
}
