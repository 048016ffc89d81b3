package dev.backoffice.orders.memory;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderErrorCode;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLimits;
import dev.backoffice.orders.OrderReads;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.OrderTx;
import dev.backoffice.orders.TenantOrderStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Orders in memory, for tests, demos and single-process tools. Thread-safe.
 *
 * <p>Each tenant has its own map of orders and its own write lock. A write unit holds its
 * tenant's lock while its work runs and keeps its writes aside until the work returns, then puts
 * them into the map; a work that throws leaves the map untouched. Reads through
 * {@link TenantOrderStore#read()} take no lock: orders are immutable values, so a reader sees an
 * order before or after a unit, never half of it. A write unit of the same tenant opened inside a
 * work on the same thread joins that work's unit (as a JDBC store joins an open transaction).
 */
public final class InMemoryOrderStore extends TenantScopedStore<TenantOrderStore> implements OrderStore {

    private InMemoryOrderStore() {
        super(Handles.KEPT);
    }

    /** A new, empty store. */
    public static InMemoryOrderStore create() {
        return new InMemoryOrderStore();
    }

    @Override
    protected TenantOrderStore open(TenantId tenant) {
        return new Tenant(tenant);
    }

    /** One tenant's orders: the committed map, and the unit writing it (if any). */
    private static final class Tenant extends TenantScope implements TenantOrderStore {
        private final ConcurrentSkipListMap<OrderId, Order> orders = new ConcurrentSkipListMap<>();
        private final ReentrantLock writing = new ReentrantLock();
        private final OrderReads committed = new Committed();
        /** The unit whose work runs now; guarded by {@link #writing}. */
        private Tx current;

        Tenant(TenantId tenant) {
            super(tenant);
        }

        @Override
        public OrderReads read() {
            return committed;
        }

        @Override
        public <T> T write(Function<? super OrderTx, ? extends T> work) {
            Check.notNull(work, "work");
            writing.lock();
            try {
                if (current != null) {
                    // only this thread can hold the lock: a write inside this tenant's work joins its unit
                    return work.apply(current);
                }
                Tx tx = new Tx();
                current = tx;
                try {
                    T answer = work.apply(tx);
                    orders.putAll(tx.written);
                    return answer;
                } finally {
                    current = null;
                    tx.open = false;
                }
            } finally {
                writing.unlock();
            }
        }

        /** The committed orders. */
        private final class Committed implements OrderReads {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Order> find(OrderId id) {
                return Optional.ofNullable(orders.get(Check.notNull(id, "id")));
            }

            @Override
            public Page<Order> list(Optional<String> cursor, int limit) {
                return page(orders, Collections.emptyNavigableMap(), cursor, limit);
            }

            @Override
            public String toString() {
                return "OrderReads[" + tenant + "]";
            }
        }

        /** A write unit: its writes wait in {@link #written} until its work returns. */
        private final class Tx implements OrderTx {
            private final NavigableMap<OrderId, Order> written = new TreeMap<>();
            private boolean open = true;

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Order> find(OrderId id) {
                requireOpen();
                Check.notNull(id, "id");
                Order mine = written.get(id);
                return mine != null ? Optional.of(mine) : Optional.ofNullable(orders.get(id));
            }

            @Override
            public Page<Order> list(Optional<String> cursor, int limit) {
                requireOpen();
                return page(orders, written, cursor, limit);
            }

            @Override
            public Order insert(Order order) {
                requireOpen();
                checkOwned(order);
                Check.that(order.version() == 0, "order.version", "must be 0 for a new order", order.version());
                if (find(order.id()).isPresent()) {
                    throw OrderErrorCode.ALREADY_EXISTS.conflict("order " + order.id() + " already exists in tenant " + tenant);
                }
                Order stored = order.withVersion(1);
                written.put(order.id(), stored);
                return stored;
            }

            @Override
            public Order update(Order order) {
                requireOpen();
                checkOwned(order);
                Order stored = find(order.id()).orElseThrow(() ->
                        OrderErrorCode.NOT_FOUND.notFound("order " + order.id() + " not found in tenant " + tenant));
                if (stored.version() != order.version()) {
                    throw OrderErrorCode.VERSION_CONFLICT.conflict("order " + order.id()
                            + " was changed by someone else (read at version " + order.version() + "); re-read and retry");
                }
                Order next = order.withVersion(order.version() + 1);
                written.put(order.id(), next);
                return next;
            }

            private void requireOpen() {
                if (!open) {
                    throw new IllegalStateException("an OrderTx is valid only inside the work it was given to");
                }
            }

            private void checkOwned(Order order) {
                Check.notNull(order, "order");
                if (!order.tenant().equals(tenant)) {
                    throw InvalidRequestException.of("order.tenant", "belongs to another tenant than this store handle", order.tenant());
                }
            }

            @Override
            public String toString() {
                return "OrderTx[" + tenant + "]";
            }
        }
    }

    /**
     * A page of {@code committed} overlaid with {@code written} (which wins on the same id), in id
     * order. The first {@code limit + 1} ids of the union are among the first {@code limit + 1}
     * of each map, so no more than that is read from either.
     */
    private static Page<Order> page(NavigableMap<OrderId, Order> committed, NavigableMap<OrderId, Order> written,
                                    Optional<String> cursor, int limit) {
        Check.notNull(cursor, "cursor");
        Check.that(limit >= 1 && limit <= OrderLimits.MAX_PAGE_SIZE, "limit",
                "must be between 1 and " + OrderLimits.MAX_PAGE_SIZE, limit);
        OrderId after = cursor.map(OrderId::parse).orElse(null);
        NavigableMap<OrderId, Order> window = new TreeMap<>();
        take(after == null ? committed : committed.tailMap(after, false), limit + 1, window);
        take(after == null ? written : written.tailMap(after, false), limit + 1, window);
        List<Order> page = new ArrayList<>(limit);
        Iterator<Order> it = window.values().iterator();
        while (it.hasNext() && page.size() < limit) {
            page.add(it.next());
        }
        return it.hasNext() ? Page.of(page, page.get(page.size() - 1).id().toString()) : Page.last(page);
    }

    private static void take(Map<OrderId, Order> from, int n, NavigableMap<OrderId, Order> into) {
        int taken = 0;
        for (Map.Entry<OrderId, Order> e : from.entrySet()) {
            if (taken++ == n) {
                return;
            }
            into.put(e.getKey(), e.getValue());
        }
    }
}
