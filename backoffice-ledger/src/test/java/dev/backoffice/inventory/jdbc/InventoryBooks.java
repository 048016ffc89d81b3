package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.jdbc.Jdbc;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks over the stored stock of one tenant, straight in SQL (what the counters say against what the rows say). */
final class InventoryBooks {

    private InventoryBooks() {
    }

    private static long count(Jdbc jdbc, String sql, Object... args) {
        return jdbc.inReadTransaction(c -> Jdbc.queryOne(c, sql, rs -> rs.getLong(1), args).orElseThrow());
    }

    /**
     * Every position's counters equal its movements (in = quantities moved to it, out = moved from
     * it, reserved = what its open reservations still hold); every reservation has shipped what
     * the moves against it say; per item the positions sum to zero; no internal location that
     * forbids negative stock shows negative on hand or negative available.
     */
    static void assertExact(Jdbc jdbc, String tenant) {
        assertThat(count(jdbc, "SELECT COUNT(*) FROM inventory_position p WHERE p.tenant_id = ? AND (p.qty_in, p.qty_out, p.reserved) <> ("
                + "(SELECT COALESCE(SUM(m.quantity), 0) FROM inventory_move m WHERE m.tenant_id = p.tenant_id AND m.sku = p.sku "
                + "AND m.to_loc = p.location), "
                + "(SELECT COALESCE(SUM(m.quantity), 0) FROM inventory_move m WHERE m.tenant_id = p.tenant_id AND m.sku = p.sku "
                + "AND m.from_loc = p.location), "
                + "(SELECT COALESCE(SUM(r.quantity - r.shipped - r.released), 0) FROM inventory_reservation r WHERE r.tenant_id = p.tenant_id "
                + "AND r.sku = p.sku AND r.location = p.location AND r.status = 'OPEN'))", tenant))
                .as("positions whose counters differ from their movements and open reservations").isZero();
        assertThat(count(jdbc, "SELECT COALESCE(SUM(quantity), 0) FROM inventory_move WHERE tenant_id = ?", tenant))
                .as("every movement lands on positions")
                .isEqualTo(count(jdbc, "SELECT COALESCE(SUM(qty_in), 0) FROM inventory_position WHERE tenant_id = ?", tenant))
                .isEqualTo(count(jdbc, "SELECT COALESCE(SUM(qty_out), 0) FROM inventory_position WHERE tenant_id = ?", tenant));
        assertThat(count(jdbc, "SELECT COUNT(*) FROM inventory_reservation r WHERE r.tenant_id = ? AND r.shipped <> "
                + "(SELECT COALESCE(SUM(m.quantity), 0) FROM inventory_move m WHERE m.tenant_id = r.tenant_id AND m.reservation = r.id)",
                tenant)).as("reservations whose shipped differs from the moves against them").isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM (SELECT sku FROM inventory_position WHERE tenant_id = ? GROUP BY sku "
                + "HAVING SUM(qty_in - qty_out) <> 0) x", tenant)).as("items not summing to zero over all locations").isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM inventory_position p JOIN inventory_location l ON l.tenant_id = p.tenant_id "
                + "AND l.code = p.location WHERE p.tenant_id = ? AND l.kind = 'INTERNAL' AND l.negative_allowed = FALSE "
                + "AND (p.qty_in - p.qty_out < 0 OR p.qty_in - p.qty_out - p.reserved < 0)", tenant))
                .as("warehouses with negative on hand or negative available to promise").isZero();
    }

    /** How many operations of {@code kind} the tenant has. */
    static long operations(Jdbc jdbc, String tenant, String kind) {
        return count(jdbc, "SELECT COUNT(*) FROM inventory_operation WHERE tenant_id = ? AND kind = ?", tenant, kind);
    }

    /** How many reservations the tenant has. */
    static long reservations(Jdbc jdbc, String tenant) {
        return count(jdbc, "SELECT COUNT(*) FROM inventory_reservation WHERE tenant_id = ?", tenant);
    }
}
