package dev.backoffice.orders.memory;

import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderErrorCode;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.TenantOrderStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Orders in memory, for tests, demos and single-process tools. Thread-safe: the version check
 * and the write are one atomic step per order (a compare-and-set on the map entry). Orders are
 * immutable values, so readers never see a half-applied change.
 */
public final class InMemoryOrderStore implements OrderStore {

    private final Map<TenantId, ConcurrentSkipListMap<OrderId, Order>> tenants = new ConcurrentHashMap<>();

    @Override
    public TenantOrderStore forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return new Scoped(tenant, tenants.computeIfAbsent(tenant, t -> new ConcurrentSkipListMap<>()));
    }

    private record Scoped(TenantId tenant, ConcurrentSkipListMap<OrderId, Order> orders) implements TenantOrderStore {

        @Override
        public Optional<Order> find(OrderId id) {
            return Optional.ofNullable(orders.get(Check.notNull(id, "id")));
        }

        @Override
        public Order insert(Order order) {
            checkOwned(order);
            Check.that(order.version() == 0, "order.version", "must be 0 for a new order", order.version());
            Order stored = order.withVersion(1);
            if (orders.putIfAbsent(order.id(), stored) != null) {
                throw OrderErrorCode.ALREADY_EXISTS.conflict("order " + order.id() + " already exists in tenant " + tenant);
            }
            return stored;
        }

        @Override
        public Order update(Order order) {
            checkOwned(order);
            Order current = orders.get(order.id());
            if (current == null) {
                throw OrderErrorCode.NOT_FOUND.notFound("order " + order.id() + " not found in tenant " + tenant);
            }
            Order next = order.withVersion(order.version() + 1);
            if (current.version() != order.version() || !orders.replace(order.id(), current, next)) {
                throw OrderErrorCode.VERSION_CONFLICT.conflict("order " + order.id()
                        + " was changed by someone else (read at version " + order.version() + "); re-read and retry");
            }
            return next;
        }

        @Override
        public Page<Order> list(Optional<String> cursor, int limit) {
            Check.notNull(cursor, "cursor");
            Check.that(limit >= 1 && limit <= 500, "limit", "must be between 1 and 500", limit);
            Map<OrderId, Order> tail = cursor.isPresent()
                    ? orders.tailMap(OrderId.parse(cursor.get()), false) : orders;
            List<Order> page = new ArrayList<>(limit);
            for (Order o : tail.values()) {
                if (page.size() == limit) {
                    return Page.of(page, page.get(page.size() - 1).id().toString());
                }
                page.add(o);
            }
            return Page.last(page);
        }

        private void checkOwned(Order order) {
            Check.notNull(order, "order");
            if (!order.tenant().equals(tenant)) {
                throw InvalidRequestException.of("order.tenant", "belongs to another tenant than this store handle", order.tenant());
            }
        }
    }
}
