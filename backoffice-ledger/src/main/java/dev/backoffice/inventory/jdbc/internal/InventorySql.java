package dev.backoffice.inventory.jdbc.internal;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.inventory.CostLayer;
import dev.backoffice.inventory.Costing;
import dev.backoffice.inventory.Item;
import dev.backoffice.inventory.ItemCost;
import dev.backoffice.inventory.Location;
import dev.backoffice.inventory.LocationKind;
import dev.backoffice.inventory.LotBalance;
import dev.backoffice.inventory.MoveKind;
import dev.backoffice.inventory.OperationId;
import dev.backoffice.inventory.Reservation;
import dev.backoffice.inventory.ReservationId;
import dev.backoffice.inventory.ReservationStatus;
import dev.backoffice.inventory.StockMove;
import dev.backoffice.inventory.StockOperation;
import dev.backoffice.inventory.Tracking;
import dev.backoffice.inventory.Uom;
import dev.backoffice.inventory.ValuationRow;
import dev.backoffice.ledger.AccountCounters;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/** The SQL of the JDBC inventory store; every statement filters on {@code tenant_id = ?}. */
final class InventorySql {

    private InventorySql() {
    }

    // ---- items and locations

    static Optional<Item> item(Connection c, String t, String sku) throws SQLException {
        return Jdbc.queryOne(c, "SELECT sku, name, unit, unit_scale, tracking, costing, currency FROM inventory_item "
                + "WHERE tenant_id = ? AND sku = ?", InventorySql::item, t, sku);
    }

    static List<Item> items(Connection c, String t) throws SQLException {
        return Jdbc.query(c, "SELECT sku, name, unit, unit_scale, tracking, costing, currency FROM inventory_item "
                + "WHERE tenant_id = ? ORDER BY sku", InventorySql::item, t);
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getString("sku"), rs.getString("name"), new Uom(rs.getString("unit"), rs.getInt("unit_scale")),
                Tracking.valueOf(rs.getString("tracking")), Costing.valueOf(rs.getString("costing")),
                CurrencyUnit.of(rs.getString("currency")));
    }

    static boolean insertItem(Connection c, String t, Item i) throws SQLException {
        return Jdbc.update(c, "INSERT INTO inventory_item (tenant_id, sku, name, unit, unit_scale, tracking, costing, currency) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", t, i.sku(), i.name(), i.unit().code(),
                i.unit().scale(), i.tracking(), i.costing(), i.currency().getCode()) == 1;
    }

    static Optional<Location> location(Connection c, String t, String code) throws SQLException {
        return Jdbc.queryOne(c, "SELECT code, kind, parent, negative_allowed FROM inventory_location WHERE tenant_id = ? AND code = ?",
                InventorySql::location, t, code);
    }

    static List<Location> locations(Connection c, String t) throws SQLException {
        return Jdbc.query(c, "SELECT code, kind, parent, negative_allowed FROM inventory_location WHERE tenant_id = ? ORDER BY code",
                InventorySql::location, t);
    }

    private static Location location(ResultSet rs) throws SQLException {
        return new Location(rs.getString("code"), LocationKind.valueOf(rs.getString("kind")), Optional.ofNullable(rs.getString("parent")),
                rs.getBoolean("negative_allowed"));
    }

    static boolean insertLocation(Connection c, String t, Location l) throws SQLException {
        return Jdbc.update(c, "INSERT INTO inventory_location (tenant_id, code, kind, parent, negative_allowed) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", t, l.code(), l.kind(), l.parent().orElse(null), l.negativeAllowed()) == 1;
    }

    // ---- positions and lots

    static AccountCounters position(Connection c, String t, String sku, String location, boolean lock) throws SQLException {
        String sql = POSITION + (lock ? " FOR UPDATE" : "");
        Optional<AccountCounters> row = Jdbc.queryOne(c, sql, InventorySql::counters, t, sku, location);
        if (row.isPresent() || !lock) {
            return row.orElse(AccountCounters.ZERO);
        }
        Jdbc.update(c, "INSERT INTO inventory_position (tenant_id, sku, location, qty_in, qty_out, reserved) VALUES (?, ?, ?, 0, 0, 0) "
                + "ON CONFLICT DO NOTHING", t, sku, location);
        return Jdbc.queryOne(c, sql, InventorySql::counters, t, sku, location).orElseThrow();
    }

    private static AccountCounters counters(ResultSet rs) throws SQLException {
        return new AccountCounters(rs.getLong("qty_in"), rs.getLong("qty_out"), rs.getLong("in_bins"), rs.getLong("reserved"));
    }

    /**
     * Locks a position ({@code SELECT ... FOR UPDATE}), creating it at zero if absent. {@code begin},
     * if not null, is the statement that begins the transaction (PostgreSQL's isolation level):
     * sent in the same execution as the lock, so a hot position costs one round trip to lock.
     */
    static AccountCounters lockPosition(Connection c, String begin, String t, String sku, String location) throws SQLException {
        if (begin == null) {
            return position(c, t, sku, location, true);
        }
        try (PreparedStatement ps = c.prepareStatement(begin + "; " + POSITION + " FOR UPDATE")) {
            Jdbc.bind(ps, t, sku, location);
            boolean rows = ps.execute();
            while (!rows && ps.getUpdateCount() != -1) {
                rows = ps.getMoreResults(); // past the isolation statement
            }
            if (rows) {
                try (ResultSet rs = ps.getResultSet()) {
                    if (rs.next()) {
                        return counters(rs);
                    }
                }
            }
        }
        return position(c, t, sku, location, true); // no row yet: create it, then lock it
    }

    /** A position's counters: on hand, reserved and (a warehouse's) in its bins (parameters: tenant, sku, location); a primary-key look-up. */
    static final String POSITION = "SELECT qty_in, qty_out, reserved, in_bins FROM inventory_position WHERE tenant_id = ? AND sku = ? AND location = ?";

    /**
     * Writes the counters of positions the transaction locked, in one batch: rows of
     * {qty_in, qty_out, reserved, in_bins, tenant, sku, location}.
     */
    static void putPositions(Connection c, List<Object[]> rows) throws SQLException {
        String sql = "UPDATE inventory_position SET qty_in = ?, qty_out = ?, reserved = ?, in_bins = ? WHERE tenant_id = ? AND sku = ? AND location = ?";
        long updated = rows.size() == 1 ? Jdbc.update(c, sql, rows.get(0)) : Jdbc.batch(c, sql, rows, 500);
        if (updated != rows.size()) {
            throw new IllegalStateException("a position of " + rows.size() + " was not locked first");
        }
    }

    static List<LotBalance> lots(Connection c, String t, String sku, String location) throws SQLException {
        return Jdbc.query(c, "SELECT sku, location, lot, expiry, since, qty_in, qty_out FROM inventory_lot "
                + "WHERE tenant_id = ? AND sku = ? AND location = ? ORDER BY lot", InventorySql::lot, t, sku, location);
    }

    private static LotBalance lot(ResultSet rs) throws SQLException {
        return new LotBalance(rs.getString("sku"), rs.getString("location"), rs.getString("lot"),
                Optional.ofNullable(Jdbc.date(rs, "expiry")), Jdbc.date(rs, "since"), rs.getLong("qty_in"), rs.getLong("qty_out"));
    }

    static void putLot(Connection c, String t, LotBalance l) throws SQLException {
        if (Jdbc.update(c, "UPDATE inventory_lot SET expiry = ?, qty_in = ?, qty_out = ? WHERE tenant_id = ? AND sku = ? AND location = ? AND lot = ?",
                l.expiry().orElse(null), l.in(), l.out(), t, l.sku(), l.location(), l.lot()) == 0) {
            Jdbc.update(c, "INSERT INTO inventory_lot (tenant_id, sku, location, lot, expiry, since, qty_in, qty_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    t, l.sku(), l.location(), l.lot(), l.expiry().orElse(null), l.since(), l.in(), l.out());
        }
    }

    static long lotInStock(Connection c, String t, String sku, String lot) throws SQLException {
        return Jdbc.queryOne(c, "SELECT COALESCE(SUM(l.qty_in - l.qty_out), 0) FROM inventory_lot l JOIN inventory_location p "
                        + "ON p.tenant_id = l.tenant_id AND p.code = l.location WHERE l.tenant_id = ? AND l.sku = ? AND l.lot = ? AND p.kind = 'INTERNAL'",
                rs -> rs.getLong(1), t, sku, lot).orElse(0L);
    }

    // ---- operations

    static Optional<StockOperation> operation(Connection c, String t, OperationId id) throws SQLException {
        Optional<StockOperation> head = Jdbc.queryOne(c, "SELECT id, kind, sku, op_date, reference, reason, entry_id, recorded_at "
                + "FROM inventory_operation WHERE tenant_id = ? AND id = ?", rs -> new StockOperation(OperationId.of(Jdbc.uuid(rs, "id")),
                MoveKind.valueOf(rs.getString("kind")), rs.getString("sku"), Jdbc.date(rs, "op_date"),
                Optional.ofNullable(rs.getString("reference")), Optional.ofNullable(rs.getString("reason")), List.of(),
                Optional.ofNullable(Jdbc.uuid(rs, "entry_id")).map(EntryId::of), Jdbc.instant(rs, "recorded_at")), t, id.value());
        if (head.isEmpty()) {
            return head;
        }
        List<StockMove> moves = Jdbc.query(c, "SELECT sku, from_loc, to_loc, lot, lot_expiry, quantity, unit_scale, currency, value_delta, "
                + "reservation FROM inventory_move WHERE tenant_id = ? AND op_id = ? ORDER BY line", rs -> new StockMove(rs.getString("sku"),
                rs.getString("from_loc"), rs.getString("to_loc"), Optional.ofNullable(rs.getString("lot")),
                Optional.ofNullable(Jdbc.date(rs, "lot_expiry")), rs.getLong("quantity"), rs.getInt("unit_scale"),
                Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("value_delta")),
                Optional.ofNullable(Jdbc.uuid(rs, "reservation")).map(ReservationId::of)), t, id.value());
        StockOperation h = head.get();
        return Optional.of(new StockOperation(h.id(), h.kind(), h.sku(), h.date(), h.reference(), h.reason(), moves, h.entry(),
                h.recordedAt()));
    }

    /** Up to {@code limit} operations of {@code sku} by (date, recorded at, id), after operation {@code after}: two queries. */
    static List<StockOperation> operations(Connection c, String t, String sku, Optional<OperationId> after, int limit) throws SQLException {
        String sql = "SELECT id, kind, sku, op_date, reference, reason, entry_id, recorded_at FROM inventory_operation "
                + "WHERE tenant_id = ? AND sku = ?"
                + (after.isPresent() ? " AND (op_date, recorded_at, id) > (SELECT a.op_date, a.recorded_at, a.id FROM inventory_operation a "
                + "WHERE a.tenant_id = ? AND a.id = ?)" : "")
                + " ORDER BY op_date, recorded_at, id LIMIT ?";
        Object[] args = after.isPresent() ? new Object[]{t, sku, t, after.get().value(), limit} : new Object[]{t, sku, limit};
        List<StockOperation> heads = Jdbc.query(c, sql, rs -> new StockOperation(OperationId.of(Jdbc.uuid(rs, "id")),
                MoveKind.valueOf(rs.getString("kind")), rs.getString("sku"), Jdbc.date(rs, "op_date"),
                Optional.ofNullable(rs.getString("reference")), Optional.ofNullable(rs.getString("reason")), List.of(),
                Optional.ofNullable(Jdbc.uuid(rs, "entry_id")).map(EntryId::of), Jdbc.instant(rs, "recorded_at")), args);
        if (heads.isEmpty()) {
            return heads;
        }
        Object[] ids = new Object[heads.size() + 1];
        ids[0] = t;
        for (int i = 0; i < heads.size(); i++) {
            ids[i + 1] = heads.get(i).id().value();
        }
        Map<UUID, List<StockMove>> moves = new HashMap<>();
        for (Map.Entry<UUID, StockMove> row : Jdbc.query(c, "SELECT op_id, sku, from_loc, to_loc, lot, lot_expiry, quantity, unit_scale, "
                + "currency, value_delta, reservation FROM inventory_move WHERE tenant_id = ? AND op_id IN (" + "?, ".repeat(heads.size() - 1)
                + "?) ORDER BY op_id, line", rs -> Map.entry(Jdbc.uuid(rs, "op_id"), new StockMove(rs.getString("sku"),
                rs.getString("from_loc"), rs.getString("to_loc"), Optional.ofNullable(rs.getString("lot")),
                Optional.ofNullable(Jdbc.date(rs, "lot_expiry")), rs.getLong("quantity"), rs.getInt("unit_scale"),
                Money.ofMinor(CurrencyUnit.of(rs.getString("currency")), rs.getLong("value_delta")),
                Optional.ofNullable(Jdbc.uuid(rs, "reservation")).map(ReservationId::of))), ids)) {
            moves.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        List<StockOperation> out = new ArrayList<>(heads.size());
        for (StockOperation h : heads) {
            out.add(new StockOperation(h.id(), h.kind(), h.sku(), h.date(), h.reference(), h.reason(),
                    moves.getOrDefault(h.id().value(), List.of()), h.entry(), h.recordedAt()));
        }
        return out;
    }

    /** Stores {@code op}; {@code kinds} tells the kind of each location its moves name. */
    static boolean insertOperation(Connection c, String t, StockOperation op, Function<String, LocationKind> kinds) throws SQLException {
        if (Jdbc.update(c, "INSERT INTO inventory_operation (tenant_id, id, kind, sku, op_date, reference, reason, entry_id, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", t, op.id().value(), op.kind(), op.sku(), op.date(),
                op.reference().orElse(null), op.reason().orElse(null), op.entry().map(EntryId::value).orElse(null), op.recordedAt()) != 1) {
            return false;
        }
        List<Object[]> rows = new ArrayList<>(op.moves().size());
        int line = 0;
        for (StockMove m : op.moves()) {
            boolean fromIn = kinds.apply(m.from()).internal();
            boolean toIn = kinds.apply(m.to()).internal();
            long qd = fromIn == toIn ? 0 : toIn ? m.quantity() : -m.quantity();
            rows.add(new Object[]{t, op.id().value(), line++, m.sku(), m.from(), m.to(), m.lot().orElse(null), m.lotExpiry().orElse(null),
                    m.quantity(), m.scale(), m.valueDelta().getCurrencyUnit().getCode(), qd, m.valueDelta().getAmountMinorLong(), op.date(),
                    m.reservation().map(ReservationId::value).orElse(null)});
        }
        if (!rows.isEmpty()) {
            Jdbc.batch(c, "INSERT INTO inventory_move (tenant_id, op_id, line, sku, from_loc, to_loc, lot, lot_expiry, quantity, unit_scale, "
                    + "currency, qty_delta, value_delta, move_date, reservation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 500);
        }
        return true;
    }

    // ---- reservations

    private static final String RESERVATION = "SELECT id, sku, location, quantity, shipped, released, unit_scale, reference, expires_at, "
            + "status, version, created_at FROM inventory_reservation ";

    static Optional<Reservation> reservation(Connection c, String t, ReservationId id, boolean lock) throws SQLException {
        return Jdbc.queryOne(c, RESERVATION + "WHERE tenant_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""), InventorySql::reservation,
                t, id.value());
    }

    private static Reservation reservation(ResultSet rs) throws SQLException {
        return new Reservation(ReservationId.of(Jdbc.uuid(rs, "id")), rs.getString("sku"), rs.getString("location"), rs.getLong("quantity"),
                rs.getLong("shipped"), rs.getLong("released"), rs.getInt("unit_scale"), rs.getString("reference"), Jdbc.instant(rs, "expires_at"),
                ReservationStatus.valueOf(rs.getString("status")), rs.getLong("version"), Jdbc.instant(rs, "created_at"));
    }

    static List<Reservation> expired(Connection c, String t, Instant now, int limit) throws SQLException {
        return Jdbc.query(c, RESERVATION + "WHERE tenant_id = ? AND status = 'OPEN' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?",
                InventorySql::reservation, t, now, limit);
    }

    static List<Reservation> expiredAt(Connection c, String t, String sku, String location, Instant now, int limit) throws SQLException {
        return Jdbc.query(c, RESERVATION + "WHERE tenant_id = ? AND status = 'OPEN' AND expires_at <= ? AND sku = ? AND location = ? "
                + "ORDER BY expires_at, id LIMIT ?", InventorySql::reservation, t, now, sku, location, limit);
    }

    static boolean insertReservation(Connection c, String t, Reservation r) throws SQLException {
        return Jdbc.update(c, "INSERT INTO inventory_reservation (tenant_id, id, sku, location, quantity, shipped, unit_scale, reference, "
                        + "expires_at, status, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                t, r.id().value(), r.sku(), r.location(), r.quantity(), r.shipped(), r.scale(), r.reference(), r.expiresAt(), r.status(),
                r.version(), r.createdAt()) == 1;
    }

    /**
     * Inserts reservations whose ids are fresh, in one batch (one round trip; a multi-row INSERT
     * where the driver rewrites batches). No {@code ON CONFLICT}: a taken id fails the unit.
     */
    static void insertReservations(Connection c, String t, List<Reservation> rs) throws SQLException {
        String sql = "INSERT INTO inventory_reservation (tenant_id, id, sku, location, quantity, shipped, unit_scale, reference, "
                + "expires_at, status, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>(rs.size());
        for (Reservation r : rs) {
            rows.add(new Object[]{t, r.id().value(), r.sku(), r.location(), r.quantity(), r.shipped(), r.scale(), r.reference(),
                    r.expiresAt(), r.status(), r.version(), r.createdAt()});
        }
        if (rows.size() == 1) {
            Jdbc.update(c, sql, rows.get(0));
        } else {
            Jdbc.batch(c, sql, rows, 500);
        }
    }

    static boolean updateReservation(Connection c, String t, Reservation r) throws SQLException {
        return Jdbc.update(c, "UPDATE inventory_reservation SET shipped = ?, released = ?, status = ?, version = ? "
                        + "WHERE tenant_id = ? AND id = ? AND version = ?",
                r.shipped(), r.released(), r.status(), r.version(), t, r.id().value(), r.version() - 1) == 1;
    }

    // ---- cost

    static ItemCost cost(Connection c, String t, String sku, boolean lock) throws SQLException {
        String sql = "SELECT quantity, value_minor, next_layer FROM inventory_cost WHERE tenant_id = ? AND sku = ?" + (lock ? " FOR UPDATE" : "");
        Optional<ItemCost> row = Jdbc.queryOne(c, sql, rs -> new ItemCost(rs.getLong(1), rs.getLong(2), rs.getLong(3)), t, sku);
        if (row.isPresent() || !lock) {
            return row.orElse(ItemCost.ZERO);
        }
        Jdbc.update(c, "INSERT INTO inventory_cost (tenant_id, sku, quantity, value_minor, next_layer) VALUES (?, ?, 0, 0, 1) ON CONFLICT DO NOTHING",
                t, sku);
        return Jdbc.queryOne(c, sql, rs -> new ItemCost(rs.getLong(1), rs.getLong(2), rs.getLong(3)), t, sku).orElseThrow();
    }

    static void putCost(Connection c, String t, String sku, ItemCost cost) throws SQLException {
        if (Jdbc.update(c, "UPDATE inventory_cost SET quantity = ?, value_minor = ?, next_layer = ? WHERE tenant_id = ? AND sku = ?",
                cost.quantity(), cost.value(), cost.nextLayer(), t, sku) != 1) {
            throw new IllegalStateException("cost of " + sku + " was not locked first");
        }
    }

    static List<CostLayer> layers(Connection c, String t, String sku) throws SQLException {
        return Jdbc.query(c, "SELECT sku, seq, layer_date, quantity, value_minor FROM inventory_layer WHERE tenant_id = ? AND sku = ? ORDER BY seq",
                rs -> new CostLayer(rs.getString("sku"), rs.getLong("seq"), Jdbc.date(rs, "layer_date"), rs.getLong("quantity"),
                        rs.getLong("value_minor")), t, sku);
    }

    static void putLayer(Connection c, String t, CostLayer l) throws SQLException {
        if (l.quantity() == 0 && l.value() == 0) {
            Jdbc.update(c, "DELETE FROM inventory_layer WHERE tenant_id = ? AND sku = ? AND seq = ?", t, l.sku(), l.sequence());
        } else if (Jdbc.update(c, "UPDATE inventory_layer SET quantity = ?, value_minor = ? WHERE tenant_id = ? AND sku = ? AND seq = ?",
                l.quantity(), l.value(), t, l.sku(), l.sequence()) == 0) {
            Jdbc.update(c, "INSERT INTO inventory_layer (tenant_id, sku, seq, layer_date, quantity, value_minor) VALUES (?, ?, ?, ?, ?, ?)",
                    t, l.sku(), l.sequence(), l.date(), l.quantity(), l.value());
        }
    }

    static void putReceiptLayer(Connection c, String t, OperationId receipt, long sequence) throws SQLException {
        Jdbc.update(c, "INSERT INTO inventory_receipt_layer (tenant_id, op_id, seq) VALUES (?, ?, ?)", t, receipt.value(), sequence);
    }

    static OptionalLong receiptLayer(Connection c, String t, OperationId receipt) throws SQLException {
        Optional<Long> seq = Jdbc.queryOne(c, "SELECT seq FROM inventory_receipt_layer WHERE tenant_id = ? AND op_id = ?",
                rs -> rs.getLong(1), t, receipt.value());
        return seq.isPresent() ? OptionalLong.of(seq.get()) : OptionalLong.empty();
    }

    // ---- period and reports

    static Optional<LocalDate> closedThrough(Connection c, String t) throws SQLException {
        return Jdbc.queryOne(c, "SELECT closed_through FROM inventory_period WHERE tenant_id = ?", rs -> Jdbc.date(rs, "closed_through"), t);
    }

    static void closeThrough(Connection c, String t, LocalDate date) throws SQLException {
        if (Jdbc.update(c, "UPDATE inventory_period SET closed_through = ? WHERE tenant_id = ?", date, t) == 0) {
            Jdbc.update(c, "INSERT INTO inventory_period (tenant_id, closed_through) VALUES (?, ?)", t, date);
        }
    }

    /**
     * The valuation as of a date (parameters: tenant, date): every item's moves up to it, summed;
     * an index-only scan of {@code inventory_move_as_of} on PostgreSQL (PostgresInventoryPlanTest).
     */
    static final String VALUATION = "SELECT sku, SUM(qty_delta) AS q, SUM(value_delta) AS v FROM inventory_move "
            + "WHERE tenant_id = ? AND move_date <= ? GROUP BY sku ORDER BY sku";

    static List<ValuationRow> valuation(Connection c, String t, LocalDate asOf) throws SQLException {
        return Jdbc.query(c, VALUATION, rs -> new ValuationRow(rs.getString("sku"), rs.getLong("q"), rs.getLong("v")), t, asOf);
    }

}
