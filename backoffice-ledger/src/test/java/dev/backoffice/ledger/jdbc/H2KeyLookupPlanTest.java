package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.jdbc.internal.LedgerSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On embedded H2 a group looks up and locks all its keys in one statement per kind, and each key
 * is an index lookup: H2 uses no index for {@code = ANY(array)} nor for an {@code IN} list on the
 * second column of a key, so these statements join {@code UNNEST} of the keys with the table. If
 * H2 ever planned them as a scan of the tenant, every group would read the whole chart.
 */
class H2KeyLookupPlanTest {

    private static TestDatabase db;
    private static JdbcLedgerStore store;

    @BeforeAll
    static void install() {
        db = TestDatabases.h2();
        store = JdbcLedgerStore.create(db.dataSource());
    }

    @AfterAll
    static void close() {
        store.close();
        db.close();
    }

    private static String plan(String sql, String type, Object[] keys, Object... params) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setArray(1, c.createArrayOf(type, keys));
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 2, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void lockingAGroupsAccountsLooksEachIdUpInThePrimaryKey() throws Exception {
        String sql = LedgerSql.anyKeySql(Dialect.H2, "account_id", "ledger_account", "tenant_id = ?", "account_id", "uuid",
                " ORDER BY account_id FOR UPDATE");
        String plan = plan(sql, "uuid", new Object[] {UUID.randomUUID(), UUID.randomUUID()}, "t");
        assertThat(plan).containsPattern("(?si)/\\* [^*]*primary_key[^*]*: tenant_id = \\?2\\s+AND account_id = u\\.u_key");
    }

    @Test
    void idempotencyKeysAreLookedUpInTheirUniqueIndex() throws Exception {
        String sql = LedgerSql.anyKeySql(Dialect.H2, "entry_id", "ledger_entry", "tenant_id = ?", "idempotency_key", "varchar", "");
        String plan = plan(sql, "varchar", new Object[] {"k1", "k2"}, "t");
        assertThat(plan).containsPattern("(?s)/\\* [^*]*: tenant_id = \\?2\\s+AND idempotency_key = u\\.u_key");
    }
}
