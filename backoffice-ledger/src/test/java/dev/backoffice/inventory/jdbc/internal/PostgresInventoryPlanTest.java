package dev.backoffice.inventory.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.inventory.Inventory;
import dev.backoffice.inventory.Valuation;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of the stock queries that grow with the data (issue #17, "EXPLAIN-checked plans for
 * on-hand and as-of queries"), asked of PostgreSQL with {@code EXPLAIN (FORMAT JSON)} over
 * 300,000 moves and 200,000 positions of ten tenants, analysed and vacuumed as autovacuum would:
 * on hand is one primary-key look-up, the valuation as of a date an index-only scan of the
 * tenant's range of {@code inventory_move_as_of}, grouped as it streams (no sort), and neither
 * reads a big table whole. The plans are printed, so the test documents them.
 */
@RequiresPostgres
class PostgresInventoryPlanTest {

    private static final String TENANT = "plan-t0";
    private static final int TENANTS = 10;
    private static final int ITEMS = 10_000; // per tenant; three moves each
    private static final LocalDate AS_OF = LocalDate.of(2026, 2, 28);

    private static TestDatabase db;
    private static JdbcInventoryStore store;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabases.postgres();
        store = JdbcInventoryStore.create(db.dataSource());
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true); // VACUUM runs outside a transaction
            st.execute("INSERT INTO inventory_item (tenant_id, sku, name, unit, unit_scale, tracking, costing, currency) "
                    + "SELECT 'plan-t' || t, 'SKU-' || i, 'Item ' || i, 'pcs', 0, 'NONE', 'FIFO', 'EUR' "
                    + "FROM generate_series(0, " + (TENANTS - 1) + ") t, generate_series(1, " + ITEMS + ") i");
            // per item: 10 received in January (10.00 each), 10 in February (12.00 each), 15 shipped on 20 February
            st.execute("INSERT INTO inventory_move (tenant_id, op_id, line, sku, from_loc, to_loc, lot, lot_expiry, quantity, "
                    + "unit_scale, currency, qty_delta, value_delta, move_date, reservation) "
                    + "SELECT 'plan-t' || t, gen_random_uuid(), 0, 'SKU-' || i, "
                    + "CASE m WHEN 3 THEN 'WH1' ELSE 'SUP' END, CASE m WHEN 3 THEN 'CUST' ELSE 'WH1' END, NULL, NULL, "
                    + "CASE m WHEN 3 THEN 15 ELSE 10 END, 0, 'EUR', CASE m WHEN 3 THEN -15 ELSE 10 END, "
                    + "CASE m WHEN 1 THEN 10000 WHEN 2 THEN 12000 ELSE -16000 END, "
                    + "CASE m WHEN 1 THEN DATE '2026-01-15' WHEN 2 THEN DATE '2026-02-15' ELSE DATE '2026-02-20' END, NULL "
                    + "FROM generate_series(0, " + (TENANTS - 1) + ") t, generate_series(1, " + ITEMS + ") i, generate_series(1, 3) m");
            st.execute("INSERT INTO inventory_position (tenant_id, sku, location, qty_in, qty_out, reserved) "
                    + "SELECT 'plan-t' || t, 'SKU-' || i, l, CASE l WHEN 'WH1' THEN 20 ELSE 0 END, CASE l WHEN 'WH1' THEN 15 ELSE 0 END, 0 "
                    + "FROM generate_series(0, " + (TENANTS - 1) + ") t, generate_series(1, " + ITEMS + ") i, unnest(ARRAY['WH1', 'CUST']) l");
            st.execute("VACUUM ANALYZE inventory_item");
            st.execute("VACUUM ANALYZE inventory_move");
            st.execute("VACUUM ANALYZE inventory_position");
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void onHandIsOnePrimaryKeyLookUp() throws Exception {
        List<JsonNode> plan = explain(InventorySql.POSITION, TENANT, "SKU-4711", "WH1");
        assertThat(plan).as("no node reads a table whole").noneMatch(n -> n.path("Node Type").asText().equals("Seq Scan"));
        assertThat(plan).anyMatch(n -> n.path("Node Type").asText().startsWith("Index")
                && n.path("Index Name").asText().equals("inventory_position_pkey"));
    }

    @Test
    void theValuationAsOfADateIsAnIndexOnlyScanOfTheTenantsRangeGroupedAsItStreams() throws Exception {
        List<JsonNode> plan = explain(InventorySql.VALUATION, TENANT, AS_OF);
        assertThat(plan).as("no node reads a table whole").noneMatch(n -> n.path("Node Type").asText().equals("Seq Scan"));
        assertThat(plan).anyMatch(n -> n.path("Node Type").asText().equals("Index Only Scan")
                && n.path("Index Name").asText().equals("inventory_move_as_of"));
        assertThat(plan).as("the index gives the item order: no sort").noneMatch(n -> n.path("Node Type").asText().equals("Sort"));

        // and the answer through the SDK is the expected one: 5 left per item at 12.00 each
        Valuation v = Inventory.builder().store(store).build().forTenant(TenantId.of(TENANT)).valuation(AS_OF);
        assertThat(v.items()).hasSize(ITEMS);
        assertThat(v.totals().get(CurrencyUnit.EUR)).isEqualTo(Money.ofMinor(CurrencyUnit.EUR, 6000L * ITEMS));
    }

    /** Every node of PostgreSQL's plan for {@code sql} with {@code params}, depth first; the plan is printed. */
    private static List<JsonNode> explain(String sql, Object... params) throws Exception {
        String json;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
            Jdbc.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        JsonNode root = new ObjectMapper().readTree(json).get(0).get("Plan");
        List<JsonNode> nodes = new ArrayList<>();
        collect(root, nodes);
        StringBuilder text = new StringBuilder("[inventory] plan of: " + sql + "\n");
        for (JsonNode n : nodes) {
            text.append("  ").append(n.path("Node Type").asText())
                    .append(n.has("Index Name") ? " using " + n.get("Index Name").asText() : "")
                    .append(n.has("Relation Name") ? " on " + n.get("Relation Name").asText() : "")
                    .append(n.has("Index Cond") ? " cond " + n.get("Index Cond").asText() : "")
                    .append(" (rows ").append(n.path("Plan Rows").asText()).append(")\n");
        }
        System.out.print(text);
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, into);
        }
    }
}
