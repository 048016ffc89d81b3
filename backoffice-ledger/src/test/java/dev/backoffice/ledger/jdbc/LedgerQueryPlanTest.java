package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.internal.LedgerSql;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point-in-time balances and statements stay index range scans with a million movements on one
 * hot account (three years of value dates). The plans are printed, so the test doubles as the
 * documentation of them.
 */
@RequiresPostgres
class LedgerQueryPlanTest {

    private static TestDatabase db;
    private static JdbcLedgerStore store;
    private static String tenant;
    private static Account hot;

    @BeforeAll
    static void seed() throws Exception {
        db = TestDatabases.postgres();
        store = JdbcLedgerStore.create(db.dataSource());
        tenant = "plan-" + UUID.randomUUID();
        TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of(tenant));
        hot = ledger.open(OpenAccount.of("FEE", "Fee account", AccountType.INCOME, CurrencyUnit.EUR));
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            // a million movements over 1,096 value dates, and the daily snapshots they imply
            st.execute("INSERT INTO ledger_movement (tenant_id, account_id, effective_date, sequence, idx, entry_id, kind, side, "
                    + "pending, amount) SELECT '" + tenant + "', '" + hot.id() + "', DATE '2024-01-01' + (g % 1096), g, 1, "
                    + "gen_random_uuid(), 'STANDARD', 'C', FALSE, 10 FROM generate_series(1, 1000000) g");
            st.execute("INSERT INTO ledger_account_day (tenant_id, account_id, value_date, closing, debits_posted, credits_posted, "
                    + "debits_pending, credits_pending) SELECT tenant_id, account_id, effective_date, FALSE, 0, SUM(amount), 0, 0 "
                    + "FROM ledger_movement WHERE tenant_id = '" + tenant + "' GROUP BY tenant_id, account_id, effective_date");
            st.execute("ANALYZE ledger_movement");
            st.execute("ANALYZE ledger_account_day");
        }
    }

    @AfterAll
    static void drop() {
        store.close();
        db.close();
    }

    private static String explain(String sql, Object... params) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)) {
            Jdbc.bind(ps, params);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            System.out.println(plan);
            return plan.toString();
        }
    }

    @Test
    void aBalanceAsOfAnyDateReadsOneSnapshotRowPerDayNotEveryMovement() throws Exception {
        String plan = explain(LedgerSql.COUNTERS_AS_OF, tenant, hot.id().value(), LocalDate.of(2026, 6, 30),
                tenant, hot.id().value(), LocalDate.of(2026, 6, 30));
        // One snapshot row per value date (1,096 in all), never the million movements: PostgreSQL
        // reads them by the primary key range, or, when the table holds little else, straight.
        assertThat(plan).contains("ledger_account_day").doesNotContain("ledger_movement");
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("on ledger_account_day.*actual rows=(\\d+).*", java.util.regex.Pattern.DOTALL)
                .matcher(plan);
        assertThat(rows.find()).isTrue();
        long read = Long.parseLong(rows.group(1));
        java.util.regex.Matcher removed = java.util.regex.Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
        if (removed.find()) {
            read += Long.parseLong(removed.group(1));
        }
        assertThat(read).as("snapshot rows read").isLessThanOrEqualTo(1096);
    }

    @Test
    void aStatementPageIsOneRangeOfTheMovementKeyStoppedByTheLimit() throws Exception {
        String plan = explain(LedgerSql.STATEMENT_PAGE, tenant, hot.id().value(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), LocalDate.of(2025, 6, 1), 0L, 0, 100);
        assertThat(plan).contains("Index Scan using ledger_movement_pkey").contains("Limit").doesNotContain("Seq Scan")
                .doesNotContain("Sort");
        assertThat(plan).containsPattern("Limit \\(actual rows=100 ");
    }
}
