package dev.backoffice.orders.jdbc;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderErrorCode;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderReads;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.OrderTx;
import dev.backoffice.orders.TenantOrderStore;
import dev.backoffice.orders.jdbc.internal.OrderRows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders in H2 or PostgreSQL, schema {@code db/orders/V1__orders.sql} (Flyway naming; the
 * store installs it if missing).
 *
 * <p>An order is one root row in {@code orders} plus its lines, payments, refunds, shipment and
 * return items and history rows; a write unit writes all of its orders' rows in one transaction.
 * {@link OrderTx#update} is a compare-and-set on the root row:
 * {@code UPDATE orders ... WHERE tenant_id = ? AND id = ? AND version = ?}. If it touches no row
 * the unit's transaction is rolled back and the caller gets {@code order.version_conflict}; if it
 * does, the row stays locked until commit, so a concurrent writer of the same version waits and
 * then finds the version moved on. Children are append-only, so an update inserts only the rows
 * after those already stored. Every key and every {@code WHERE} starts with {@code tenant_id}.
 *
 * <p>A unit whose commit acknowledgement is lost is settled by the identities of its writes, not
 * by running its work again (see {@link TenantOrderStore}). Called inside a transaction of the
 * same {@link Jdbc}, a unit joins it. Handles are small views, made per
 * {@link #forTenant} call.
 */
public final class JdbcOrderStore extends TenantScopedStore<TenantOrderStore> implements OrderStore {

    /** Schema scripts, under {@code db/orders/}. */
    public static final List<String> SCHEMA = List.of("V1__orders.sql");

    private final Jdbc jdbc;
    /** Settles a lost commit outcome by the order's identity, counting through the helper's metrics. */
    private final Reruns reruns;

    private JdbcOrderStore(Jdbc jdbc) {
        super(Handles.PER_CALL);
        this.jdbc = Check.notNull(jdbc, "jdbc");
        this.reruns = Reruns.metered(jdbc.metrics(), "orders");
    }

    /** The recorder of this store's {@link Jdbc} ({@link Jdbc#withMetrics}). */
    @Override
    public MetricsRecorder metrics() {
        return jdbc.metrics();
    }

    /** A store over {@code jdbc}; installs the schema if it is missing. */
    public static JdbcOrderStore create(Jdbc jdbc) {
        JdbcOrderStore store = new JdbcOrderStore(jdbc);
        SchemaInstaller.install(jdbc, "orders", SCHEMA);
        return store;
    }

    @Override
    protected TenantOrderStore open(TenantId tenant) {
        return new Handle(tenant);
    }

    /** One tenant's orders. */
    private final class Handle extends TenantScope implements TenantOrderStore {
        private final OrderRows rows;
        private final OrderReads committed;

        Handle(TenantId tenant) {
            super(tenant);
            this.rows = OrderRows.create(jdbc, tenant);
            this.committed = new Committed();
        }

        @Override
        public OrderReads read() {
            return committed;
        }

        @Override
        public <T> T write(Function<? super OrderTx, ? extends T> work) {
            Check.notNull(work, "work");
            Unit<T> unit = new Unit<>(work);
            return reruns.run(rerun -> rerun ? unit.settle() : jdbc.inTransaction(tenant, unit::run), unit::identity);
        }

        /** Committed orders: each read in a read transaction of its own. */
        private final class Committed implements OrderReads {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Order> find(OrderId id) {
                Check.notNull(id, "id");
                return jdbc.inReadTransaction(c -> rows.load(c, id));
            }

            @Override
            public Page<Order> list(Optional<String> cursor, int limit) {
                Optional<OrderId> after = OrderRows.pageStart(cursor, limit);
                return jdbc.inReadTransaction(c -> rows.list(c, after, limit));
            }

            @Override
            public String toString() {
                return "OrderReads[" + tenant + "]";
            }
        }

        /**
         * One call of {@link #write}: runs the work, and keeps what its last attempt wrote and
         * answered, so that an unknown commit outcome is settled by those writes.
         */
        private final class Unit<T> {
            private final Function<? super OrderTx, ? extends T> work;
            /** The writes of the last attempt, in order. */
            private List<Write> writes = List.of();
            /** What the last attempt's work answered. */
            private T answer;

            Unit(Function<? super OrderTx, ? extends T> work) {
                this.work = work;
            }

            /** One attempt (Jdbc reruns it after a failure that proves nothing was committed). */
            T run(Connection c) {
                List<Write> made = new ArrayList<>();
                writes = made;
                Tx tx = new Tx(c, made);
                try {
                    answer = work.apply(tx);
                    return answer;
                } finally {
                    tx.open = false;
                }
            }

            /**
             * After an unknown commit outcome: the answer of the attempt, if its writes are stored
             * as that attempt made them; else those writes again, each under its identity, never
             * the work (which would derive new writes from what the first attempt stored).
             */
            T settle() {
                try {
                    return jdbc.inTransaction(tenant, c -> {
                        if (landed(c)) {
                            return answer;
                        }
                        for (Write w : writes) {
                            if (!(w.insert ? rows.insert(c, w.argument) : rows.update(c, w.argument))) {
                                if (landed(c)) {
                                    // the first attempt was still in flight when we looked; this write
                                    // waited for it (unique key, row lock), and it has landed now
                                    throw Landed.INSTANCE;
                                }
                                throw w.insert ? alreadyExists(w.argument) : versionConflictOrNotFound(c, w.argument);
                            }
                        }
                        return answer;
                    });
                } catch (Landed e) {
                    return answer; // rolled back: nothing of this rerun was written
                }
            }

            /** Whether every order the attempt wrote is stored as its last write there left it. */
            private boolean landed(Connection c) throws SQLException {
                Map<OrderId, Order> last = new LinkedHashMap<>();
                for (Write w : writes) {
                    last.put(w.result.id(), w.result);
                }
                for (Order expected : last.values()) {
                    if (!rows.landedAs(c, expected)) {
                        return false;
                    }
                }
                return true;
            }

            /** What to read back when the outcome stays unknown, e.g. "order 0193...: read it with find(id)". */
            String identity() {
                if (writes.isEmpty()) {
                    return "a write unit of tenant " + tenant + " that wrote nothing";
                }
                return writes.stream().map(w -> w.insert
                                ? "order " + w.result.id() + ": read it with find(id)"
                                : "version " + w.result.version() + " of order " + w.result.id() + ": read it with find(id)")
                        .collect(Collectors.joining("; "));
            }
        }

        /** The write unit of one attempt, on its transaction's connection. */
        private final class Tx implements OrderTx {
            private final Connection c;
            private final List<Write> writes;
            private boolean open = true;

            Tx(Connection c, List<Write> writes) {
                this.c = c;
                this.writes = writes;
            }

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Order> find(OrderId id) {
                requireOpen();
                Check.notNull(id, "id");
                return sql(() -> rows.load(c, id));
            }

            @Override
            public Page<Order> list(Optional<String> cursor, int limit) {
                requireOpen();
                Optional<OrderId> after = OrderRows.pageStart(cursor, limit);
                return sql(() -> rows.list(c, after, limit));
            }

            @Override
            public Order insert(Order order) {
                requireOpen();
                checkOwned(order);
                Check.that(order.version() == 0, "order.version", "must be 0 for a new order", order.version());
                if (!sql(() -> rows.insert(c, order))) {
                    throw alreadyExists(order);
                }
                Order stored = order.withVersion(1);
                writes.add(new Write(true, order, stored));
                return stored;
            }

            @Override
            public Order update(Order order) {
                requireOpen();
                checkOwned(order);
                if (!sql(() -> rows.update(c, order))) {
                    throw sql(() -> versionConflictOrNotFound(c, order));
                }
                Order next = order.withVersion(order.version() + 1);
                writes.add(new Write(false, order, next));
                return next;
            }

            private void requireOpen() {
                if (!open) {
                    throw new IllegalStateException("an OrderTx is valid only inside the work it was given to");
                }
            }

            @Override
            public String toString() {
                return "OrderTx[" + tenant + "]";
            }
        }

        private RuntimeException alreadyExists(Order order) {
            return OrderErrorCode.ALREADY_EXISTS.conflict("order " + order.id() + " already exists in tenant " + tenant);
        }

        private RuntimeException versionConflictOrNotFound(Connection c, Order order) throws SQLException {
            if (!rows.exists(c, order.id())) {
                return OrderErrorCode.NOT_FOUND.notFound("order " + order.id() + " not found in tenant " + tenant);
            }
            return OrderErrorCode.VERSION_CONFLICT.conflict("order " + order.id()
                    + " was changed by someone else (read at version " + order.version() + "); re-read and retry");
        }

        private void checkOwned(Order order) {
            Check.notNull(order, "order");
            if (!order.tenant().equals(tenant)) {
                throw InvalidRequestException.of("order.tenant", "belongs to another tenant than this store handle", order.tenant());
            }
        }
    }

    /**
     * One write of a unit, and its identity: an insert of {@code argument} (version 0) storing
     * {@code result} at version 1, or an update of {@code argument} (read at its version) storing
     * {@code result} at the next.
     */
    private record Write(boolean insert, Order argument, Order result) {
    }

    /** SQL run by the write unit's methods, whose signatures cannot throw {@link SQLException}. */
    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Sql<T> statement) {
        try {
            return statement.run();
        } catch (SQLException e) {
            // the transaction's owner (Jdbc) decides on retries by the SQLSTATE it carries
            throw new StorageException.Sql(e);
        }
    }

    /** A rerun found the first attempt landed after its own write waited for it; rolls the rerun back. */
    private static final class Landed extends RuntimeException {
        static final Landed INSTANCE = new Landed();

        private Landed() {
            super("the first attempt landed", null, false, false);
        }
    }
}
