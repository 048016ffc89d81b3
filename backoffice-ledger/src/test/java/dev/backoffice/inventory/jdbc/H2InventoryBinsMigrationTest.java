package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.inventory.Inventory;
import dev.backoffice.inventory.StockLevel;
import dev.backoffice.inventory.TenantInventory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code V4__inventory_warehouse_bins.sql} on a database made by V1-V3 that holds stock and a
 * reservation in bins: afterwards each warehouse's row counts its bins (and says how much lies in
 * them), another tenant's rows are untouched, and the SDK reads the warehouse as it would have
 * written it.
 */
class H2InventoryBinsMigrationTest {

    @Test
    void stock_already_in_bins_is_counted_by_its_warehouses_row() {
        try (TestDatabase db = StoreKind.H2.openDatabase()) {
            Jdbc jdbc = Jdbc.of(db.dataSource());
            SchemaInstaller.install(jdbc, "inventory", JdbcInventoryStore.SCRIPTS.subList(0, 3));
            jdbc.inTransactionRun(c -> {
                for (String t : new String[]{"a", "b"}) {
                    Jdbc.update(c, "INSERT INTO inventory_item (tenant_id, sku, name, unit, unit_scale, tracking, costing, currency) "
                            + "VALUES (?, 'BOLT', 'Bolt', 'pcs', 0, 'NONE', 'FIFO', 'EUR')", t);
                    Jdbc.update(c, "INSERT INTO inventory_location (tenant_id, code, kind, parent, negative_allowed) VALUES "
                            + "(?, 'WH1', 'INTERNAL', NULL, FALSE), (?, 'WH1/A', 'INTERNAL', 'WH1', FALSE), "
                            + "(?, 'WH1/B', 'INTERNAL', 'WH1', FALSE)", t, t, t);
                }
                // tenant a: 3 in WH1 itself, 10 in (1 out of) WH1/A with 2 reserved there, 5 in WH1/B; tenant b: 7 in WH1/B only
                Jdbc.update(c, "INSERT INTO inventory_position (tenant_id, sku, location, qty_in, qty_out, reserved) VALUES "
                        + "('a', 'BOLT', 'WH1', 3, 0, 1), ('a', 'BOLT', 'WH1/A', 10, 1, 2), ('a', 'BOLT', 'WH1/B', 5, 0, 0), "
                        + "('b', 'BOLT', 'WH1/B', 7, 0, 0)");
            });
            SchemaInstaller.install(jdbc, "inventory", JdbcInventoryStore.SCRIPTS);

            JdbcInventoryStore store = JdbcInventoryStore.create(db.dataSource());
            TenantInventory a = Inventory.builder().store(store).build().forTenant(TenantId.of("a"));
            TenantInventory b = Inventory.builder().store(store).build().forTenant(TenantId.of("b"));
            assertThat(a.level("BOLT", "WH1")).returns(new BigDecimal("17"), StockLevel::onHand)
                    .returns(new BigDecimal("3"), StockLevel::reserved);
            assertThat(a.level("BOLT", "WH1/A")).returns(new BigDecimal("9"), StockLevel::onHand)
                    .returns(new BigDecimal("2"), StockLevel::reserved);
            assertThat(b.level("BOLT", "WH1").onHand()).isEqualByComparingTo("7");
            assertThat(b.level("BOLT", "WH1/B").onHand()).isEqualByComparingTo("7");
            long inBins = jdbc.inTransaction(c -> Jdbc.queryOne(c, "SELECT in_bins FROM inventory_position WHERE tenant_id = ? "
                    + "AND sku = 'BOLT' AND location = 'WH1'", rs -> rs.getLong(1), "a").orElseThrow());
            assertThat(inBins).as("what of WH1 lies in its bins").isEqualTo(14);
        }
    }
}
