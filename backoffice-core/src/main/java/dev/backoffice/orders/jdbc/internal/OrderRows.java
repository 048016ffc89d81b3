package dev.backoffice.orders.jdbc.internal;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.orders.ItemQuantity;
import dev.backoffice.orders.ItemReturn;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderEvent;
import dev.backoffice.orders.OrderHistoryEntry;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLimits;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.orders.Payment;
import dev.backoffice.orders.Refund;
import dev.backoffice.orders.Shipment;
import org.joda.money.CurrencyUnit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of one tenant's orders (schema {@code db/orders/V1__orders.sql}), run on a connection
 * the caller's transaction owns. No rules and no transactions here: the store decides what a
 * missing row or a lost race means.
 *
 * <p>An order is one root row in {@code orders} plus its lines, payments, refunds, shipment and
 * return items and history rows. An update is a compare-and-set on the root row
 * ({@code UPDATE orders ... WHERE tenant_id = ? AND id = ? AND version = ?}); when it touches the
 * row, the row stays locked until commit, so a concurrent writer of the same version waits and
 * then finds the version moved on. Children are append-only, so an update inserts only the rows
 * after those already stored. Every key and every {@code WHERE} starts with {@code tenant_id}.
 */
public final class OrderRows {

    private static final int MAX_READ_ATTEMPTS = 20;
    private static final String SHIPMENT = "S";
    private static final String RETURN = "R";

    private final Jdbc jdbc;
    private final TenantId tenant;
    private final String t;

    private OrderRows(Jdbc jdbc, TenantId tenant) {
        this.jdbc = Check.notNull(jdbc, "jdbc");
        this.tenant = Check.notNull(tenant, "tenant");
        this.t = tenant.value();
    }

    /**
     * The rows of {@code tenant}'s orders in {@code jdbc}'s database.
     *
     * @param jdbc   the database (for its dialect)
     * @param tenant the tenant every statement is scoped to
     * @return the tenant's order rows
     */
    public static OrderRows create(Jdbc jdbc, TenantId tenant) {
        return new OrderRows(jdbc, tenant);
    }

    /**
     * Inserts the root row of {@code order} at version 1, then its lines and children, unless the
     * id is taken.
     *
     * @param c     the transaction's connection
     * @param order the new order (version 0)
     * @return false, having written nothing, if an order with this id exists in the tenant
     *         (on PostgreSQL the insert first waits for a transaction still writing that id)
     * @throws SQLException from the database
     */
    public boolean insert(Connection c, Order order) throws SQLException {
        int inserted = Jdbc.update(c, "INSERT INTO orders (tenant_id, id, version, status, customer_ref, currency, "
                        + "pay_later, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                t, order.id().value(), 1L, order.status(), order.customerRef(), order.currency().getCode(),
                order.payLater(), order.createdBy(), order.createdAt(), order.updatedAt());
        if (inserted == 0) {
            return false;
        }
        List<Object[]> lines = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine l = order.lines().get(i);
            lines.add(new Object[]{t, order.id().value(), i + 1, l.sku(), l.quantity(),
                    MoneyMath.toMinor(l.unitPrice()), l.taxRate()});
        }
        Jdbc.batch(c, "INSERT INTO order_lines (tenant_id, order_id, line_no, sku, quantity, unit_price_minor, tax_rate) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", lines, 100);
        appendChildren(c, order, new int[]{0, 0, 0, 0, 0});
        return true;
    }

    /**
     * Moves the root row of {@code order} from {@code order.version()} to the next version (the
     * row then stays locked until commit) and appends the children stored rows do not have yet.
     *
     * @param c     the transaction's connection
     * @param order the order as it is to be stored, read at {@code order.version()}
     * @return false, having written nothing, if no row of this id is at that version (on
     *         PostgreSQL the update first waits for a transaction holding the row)
     * @throws SQLException from the database
     */
    public boolean update(Connection c, Order order) throws SQLException {
        UUID id = order.id().value();
        int updated = Jdbc.update(c, "UPDATE orders SET version = ?, status = ?, updated_at = ? "
                        + "WHERE tenant_id = ? AND id = ? AND version = ?",
                order.version() + 1, order.status(), order.updatedAt(), t, id, order.version());
        if (updated == 0) {
            return false;
        }
        int[] stored = Jdbc.queryOne(c, "SELECT "
                        + "(SELECT COUNT(*) FROM order_payments WHERE tenant_id = ? AND order_id = ?), "
                        + "(SELECT COUNT(*) FROM order_refunds WHERE tenant_id = ? AND order_id = ?), "
                        + "(SELECT COALESCE(MAX(seq), 0) FROM order_movements WHERE tenant_id = ? AND order_id = ? AND kind = 'S'), "
                        + "(SELECT COALESCE(MAX(seq), 0) FROM order_movements WHERE tenant_id = ? AND order_id = ? AND kind = 'R'), "
                        + "(SELECT COUNT(*) FROM order_history WHERE tenant_id = ? AND order_id = ?)",
                rs -> new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)},
                t, id, t, id, t, id, t, id, t, id).orElseThrow();
        appendChildren(c, order, stored);
        return true;
    }

    /**
     * Whether an order with this id exists in the tenant.
     *
     * @param c  the transaction's connection
     * @param id the order id
     * @return whether its root row exists
     * @throws SQLException from the database
     */
    public boolean exists(Connection c, OrderId id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT 1 FROM orders WHERE tenant_id = ? AND id = ?", rs -> true, t, id.value()).isPresent();
    }

    /**
     * Whether the write that produces {@code expected} is stored, read in a statement of its
     * own: under READ COMMITTED it sees a transaction that committed while this one waited for
     * it (on the unique key or the row lock).
     *
     * @param c        the transaction's connection
     * @param expected the order as that write stores it
     * @return whether the stored order is that write's
     * @throws SQLException from the database
     */
    public boolean landedAs(Connection c, Order expected) throws SQLException {
        Optional<Order> landed = load(c, expected.id());
        return landed.isPresent() && sameWrite(landed.get(), expected);
    }

    /**
     * Whether {@code landed}, read back after a commit with an unknown outcome, is the write
     * that produced {@code expected}: the same version, status and children, and the same last
     * history entry (its actor, event and instant, which another writer's change would not share).
     */
    static boolean sameWrite(Order landed, Order expected) {
        if (landed.version() != expected.version() || landed.status() != expected.status()
                || landed.history().size() != expected.history().size()
                || landed.payments().size() != expected.payments().size()
                || landed.refunds().size() != expected.refunds().size()
                || landed.shipments().size() != expected.shipments().size()
                || landed.returns().size() != expected.returns().size()) {
            return false;
        }
        if (expected.history().isEmpty()) {
            return landed.createdAt().equals(expected.createdAt().truncatedTo(ChronoUnit.MICROS))
                    || landed.createdAt().equals(expected.createdAt());
        }
        OrderHistoryEntry a = landed.history().get(landed.history().size() - 1);
        OrderHistoryEntry b = expected.history().get(expected.history().size() - 1);
        return a.seq() == b.seq() && a.actor().equals(b.actor()) && a.event() == b.event()
                && a.at().truncatedTo(ChronoUnit.MICROS).equals(b.at().truncatedTo(ChronoUnit.MICROS));
    }

    /** Inserts the children after the {@code stored} counts (payments, refunds, shipments, returns, history). */
    private void appendChildren(Connection c, Order order, int[] stored) throws SQLException {
        UUID id = order.id().value();
        requireAppendOnly(order.payments().size(), stored[0], "payments");
        requireAppendOnly(order.refunds().size(), stored[1], "refunds");
        requireAppendOnly(order.shipments().size(), stored[2], "shipments");
        requireAppendOnly(order.returns().size(), stored[3], "returns");
        requireAppendOnly(order.history().size(), stored[4], "history");
        List<Object[]> rows = new ArrayList<>();
        for (Payment p : order.payments().subList(stored[0], order.payments().size())) {
            rows.add(new Object[]{t, id, p.seq(), MoneyMath.toMinor(p.amount()), p.reference(), p.at()});
        }
        batch(c, "INSERT INTO order_payments (tenant_id, order_id, seq, amount_minor, reference, paid_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
        rows = new ArrayList<>();
        for (Refund r : order.refunds().subList(stored[1], order.refunds().size())) {
            rows.add(new Object[]{t, id, r.seq(), MoneyMath.toMinor(r.amount()), r.reason(), r.at()});
        }
        batch(c, "INSERT INTO order_refunds (tenant_id, order_id, seq, amount_minor, reason, refunded_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
        rows = new ArrayList<>();
        for (Shipment s : order.shipments().subList(stored[2], order.shipments().size())) {
            movementRows(rows, id, SHIPMENT, s.seq(), s.items(), s.at());
        }
        for (ItemReturn r : order.returns().subList(stored[3], order.returns().size())) {
            movementRows(rows, id, RETURN, r.seq(), r.items(), r.at());
        }
        batch(c, "INSERT INTO order_movements (tenant_id, order_id, kind, seq, item_no, sku, quantity, moved_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows = new ArrayList<>();
        for (OrderHistoryEntry h : order.history().subList(stored[4], order.history().size())) {
            rows.add(new Object[]{t, id, h.seq(), h.at(), h.actor(), h.event(), h.from(), h.to(), h.reason().orElse(null)});
        }
        batch(c, "INSERT INTO order_history (tenant_id, order_id, seq, happened_at, actor, event, from_status, to_status, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void movementRows(List<Object[]> rows, UUID id, String kind, int seq, List<ItemQuantity> items, Instant at) {
        for (int i = 0; i < items.size(); i++) {
            rows.add(new Object[]{t, id, kind, seq, i + 1, items.get(i).sku(), items.get(i).quantity(), at});
        }
    }

    private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (!rows.isEmpty()) {
            Jdbc.batch(c, sql, rows, 100);
        }
    }

    private static void requireAppendOnly(int now, int stored, String what) {
        if (now < stored) {
            throw InvalidRequestException.of("order." + what, "has fewer entries (" + now + ") than stored (" + stored
                    + "); order children are append-only", now);
        }
    }

    /**
     * The order, read whole: the root, then the children, then the root's version again. Every
     * change of children bumps the version in the same transaction, so an unchanged version
     * proves the children belong to it (READ COMMITTED reads each statement at its own snapshot;
     * a writer committing in between would otherwise hand us a torn aggregate).
     *
     * @param c  the transaction's connection
     * @param id the order id
     * @return the order, if it exists in the tenant
     * @throws SQLException from the database
     */
    public Optional<Order> load(Connection c, OrderId id) throws SQLException {
        return load(c, id.value());
    }

    private Optional<Order> load(Connection c, UUID id) throws SQLException {
        if (jdbc.dialect() == Dialect.H2) {
            // H2 was seen to make one table's rows of a commit visible before another's, so a
            // reader could see a version's root and a newer writer's history. Taking the root
            // row's lock waits for any writer of this order to finish its commit first.
            Jdbc.queryOne(c, "SELECT version FROM orders WHERE tenant_id = ? AND id = ? FOR UPDATE", rs -> rs.getLong(1), t, id);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Order> order = loadOnce(c, id);
            if (order.isEmpty()) {
                return order;
            }
            Optional<Long> version = Jdbc.queryOne(c, "SELECT version FROM orders WHERE tenant_id = ? AND id = ?",
                    rs -> rs.getLong(1), t, id);
            if (version.isPresent() && version.get() == order.get().version()) {
                return order;
            }
            if (attempt == MAX_READ_ATTEMPTS) {
                throw CoreErrorCode.STORAGE_RETRIES_EXHAUSTED.storage(
                        "order " + id + " kept changing while being read (" + attempt + " attempts)", null);
            }
        }
    }

    private Optional<Order> loadOnce(Connection c, UUID id) throws SQLException {
        Optional<Root> root = Jdbc.queryOne(c, "SELECT version, status, customer_ref, currency, pay_later, created_by, created_at, updated_at "
                + "FROM orders WHERE tenant_id = ? AND id = ?", rs -> new Root(rs.getLong("version"),
                OrderStatus.valueOf(rs.getString("status")), rs.getString("customer_ref"),
                CurrencyUnit.of(rs.getString("currency").trim()), rs.getBoolean("pay_later"),
                rs.getString("created_by"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at")), t, id);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Root r = root.get();
        CurrencyUnit cur = r.currency;
        List<OrderLine> lines = Jdbc.query(c, "SELECT sku, quantity, unit_price_minor, tax_rate FROM order_lines "
                        + "WHERE tenant_id = ? AND order_id = ? ORDER BY line_no",
                rs -> new OrderLine(rs.getString("sku"), rs.getInt("quantity"),
                        MoneyMath.ofMinor(cur, rs.getLong("unit_price_minor")), rs.getBigDecimal("tax_rate")), t, id);
        List<Payment> payments = Jdbc.query(c, "SELECT seq, amount_minor, reference, paid_at FROM order_payments "
                        + "WHERE tenant_id = ? AND order_id = ? ORDER BY seq",
                rs -> new Payment(rs.getInt("seq"), MoneyMath.ofMinor(cur, rs.getLong("amount_minor")),
                        rs.getString("reference"), Jdbc.instant(rs, "paid_at")), t, id);
        List<Refund> refunds = Jdbc.query(c, "SELECT seq, amount_minor, reason, refunded_at FROM order_refunds "
                        + "WHERE tenant_id = ? AND order_id = ? ORDER BY seq",
                rs -> new Refund(rs.getInt("seq"), MoneyMath.ofMinor(cur, rs.getLong("amount_minor")),
                        rs.getString("reason"), Jdbc.instant(rs, "refunded_at")), t, id);
        List<Movement> movements = Jdbc.query(c, "SELECT kind, seq, sku, quantity, moved_at FROM order_movements "
                        + "WHERE tenant_id = ? AND order_id = ? ORDER BY kind, seq, item_no",
                rs -> new Movement(rs.getString("kind"), rs.getInt("seq"), new ItemQuantity(rs.getString("sku"),
                        rs.getInt("quantity")), Jdbc.instant(rs, "moved_at")), t, id);
        List<OrderHistoryEntry> history = Jdbc.query(c, "SELECT seq, happened_at, actor, event, from_status, to_status, reason "
                        + "FROM order_history WHERE tenant_id = ? AND order_id = ? ORDER BY seq",
                rs -> new OrderHistoryEntry(rs.getInt("seq"), Jdbc.instant(rs, "happened_at"), rs.getString("actor"),
                        OrderEvent.valueOf(rs.getString("event")), OrderStatus.valueOf(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")), Optional.ofNullable(rs.getString("reason"))), t, id);
        List<Shipment> shipments = new ArrayList<>();
        group(movements, SHIPMENT).forEach((seq, m) -> shipments.add(new Shipment(seq, items(m), m.get(0).at)));
        List<ItemReturn> returns = new ArrayList<>();
        group(movements, RETURN).forEach((seq, m) -> returns.add(new ItemReturn(seq, items(m), m.get(0).at)));
        return Optional.of(new Order(OrderId.of(id), tenant, r.customerRef, cur, r.payLater, r.status, r.version,
                lines, payments, shipments, returns, refunds, history, r.createdBy, r.createdAt, r.updatedAt));
    }

    /**
     * Where a page starts: checks the arguments of a listing before any transaction opens.
     *
     * @param cursor the {@link Page#nextCursor()} of the previous page (an order id), empty to start
     * @param limit  1 to {@link OrderLimits#MAX_PAGE_SIZE}
     * @return the last id of the previous page, empty to start
     * @throws InvalidRequestException for a null cursor, a cursor that is no order id, or a limit out of range
     */
    public static Optional<OrderId> pageStart(Optional<String> cursor, int limit) {
        Check.notNull(cursor, "cursor");
        Check.that(limit >= 1 && limit <= OrderLimits.MAX_PAGE_SIZE, "limit",
                "must be between 1 and " + OrderLimits.MAX_PAGE_SIZE, limit);
        return cursor.map(OrderId::parse);
    }

    /**
     * A page of the tenant's orders in id order, each read whole.
     *
     * @param c     the transaction's connection
     * @param after the last id of the previous page ({@link #pageStart}), empty to start
     * @param limit 1 to {@link OrderLimits#MAX_PAGE_SIZE}
     * @return the page; its cursor is the last id on it
     * @throws SQLException from the database
     */
    public Page<Order> list(Connection c, Optional<OrderId> after, int limit) throws SQLException {
        List<UUID> ids = after.isEmpty()
                ? Jdbc.query(c, "SELECT id FROM orders WHERE tenant_id = ? ORDER BY id LIMIT ?",
                rs -> Jdbc.uuid(rs, "id"), t, limit + 1)
                : Jdbc.query(c, "SELECT id FROM orders WHERE tenant_id = ? AND id > ? ORDER BY id LIMIT ?",
                rs -> Jdbc.uuid(rs, "id"), t, after.get().value(), limit + 1);
        List<Order> page = new ArrayList<>();
        for (UUID id : ids.subList(0, Math.min(limit, ids.size()))) {
            load(c, id).ifPresent(page::add);
        }
        return ids.size() > limit ? Page.of(page, page.get(page.size() - 1).id().toString()) : Page.last(page);
    }

    private static Map<Integer, List<Movement>> group(List<Movement> movements, String kind) {
        Map<Integer, List<Movement>> out = new LinkedHashMap<>();
        for (Movement m : movements) {
            if (m.kind.equals(kind)) {
                out.computeIfAbsent(m.seq, k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static List<ItemQuantity> items(List<Movement> movements) {
        List<ItemQuantity> out = new ArrayList<>(movements.size());
        for (Movement m : movements) {
            out.add(m.item);
        }
        return out;
    }

    private record Root(long version, OrderStatus status, String customerRef, CurrencyUnit currency, boolean payLater,
                        String createdBy, Instant createdAt, Instant updatedAt) {
    }

    private record Movement(String kind, int seq, ItemQuantity item, Instant at) {
    }

    @Override
    public String toString() {
        return "OrderRows[" + tenant + "]";
    }
}
