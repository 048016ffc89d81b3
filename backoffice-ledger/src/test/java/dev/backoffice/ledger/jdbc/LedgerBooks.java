package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.jdbc.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks over the stored books of one tenant, straight in SQL. */
final class LedgerBooks {

    private LedgerBooks() {
    }

    /** Every account's four counters equal the sums of its movements, and all posted balances sum to zero. */
    static void assertExact(Jdbc jdbc, String tenant) {
        long wrong = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM ledger_account a WHERE a.tenant_id = ? AND "
                + "(a.debits_posted, a.credits_posted, a.debits_pending, a.credits_pending) <> (SELECT "
                + "COALESCE(SUM(CASE WHEN m.side = 'D' AND m.pending = FALSE THEN m.amount END), 0), "
                + "COALESCE(SUM(CASE WHEN m.side = 'C' AND m.pending = FALSE THEN m.amount END), 0), "
                + "COALESCE(SUM(CASE WHEN m.side = 'D' AND m.pending = TRUE THEN m.amount END), 0), "
                + "COALESCE(SUM(CASE WHEN m.side = 'C' AND m.pending = TRUE THEN m.amount END), 0) "
                + "FROM ledger_movement m WHERE m.tenant_id = a.tenant_id AND m.account_id = a.account_id)",
                rs -> rs.getLong(1), tenant).orElseThrow());
        assertThat(wrong).as("accounts whose counters differ from the sum of their movements").isZero();
        long net = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT COALESCE(SUM(debits_posted - credits_posted), 0) "
                + "FROM ledger_account WHERE tenant_id = ?", rs -> rs.getLong(1), tenant).orElseThrow());
        assertThat(net).as("sum of all posted balances").isZero();
        long dayDiff = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM ledger_account a WHERE a.tenant_id = ? AND "
                + "(a.debits_posted, a.credits_posted, a.debits_pending, a.credits_pending) <> (SELECT "
                + "a.day_debits_posted + COALESCE(SUM(d.debits_posted), 0), a.day_credits_posted + COALESCE(SUM(d.credits_posted), 0), "
                + "a.day_debits_pending + COALESCE(SUM(d.debits_pending), 0), a.day_credits_pending + COALESCE(SUM(d.credits_pending), 0) "
                + "FROM ledger_account_day d WHERE d.tenant_id = a.tenant_id AND d.account_id = a.account_id)",
                rs -> rs.getLong(1), tenant).orElseThrow());
        assertThat(dayDiff).as("accounts whose daily snapshots and current day do not add up to their counters").isZero();
    }
}
