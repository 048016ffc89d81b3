package dev.backoffice.orders;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.orders.internal.OrderService;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The front door of order processing: built once over an {@link OrderStore}, hands out one
 * {@link TenantOrders} per tenant. Each operation loads an order, checks it against the
 * aggregate's limits and the {@link OrderLifecycle} machine, appends the transition to the
 * history and saves with the version check, all in one step per call.
 *
 * <pre>{@code
 * Orders orders = Orders.builder().store(InMemoryOrderStore.create()).clock(clock).build();
 * TenantOrders shop = orders.forTenant(TenantId.of("acme"));
 * Order order = shop.create(NewOrder.of("customer-42", PLN, List.of(
 *         OrderLine.of("BOOK-1", 2, Money.parse("PLN 39.99"), "5"))), By.actor("user:ann"));
 * shop.place(order.id(), By.actor("user:ann"));
 * shop.pay(order.id(), order.total(), "psp-123", By.actor("psp"));
 * }</pre>
 *
 * <p>Thread-safe; create one per store and share it.
 */
public final class Orders {

    private final OrderStore store;
    private final Clock clock;
    private final boolean allowZeroPriceLines;
    private final ConcurrentMap<TenantId, TenantOrders> tenants = new ConcurrentHashMap<>();

    private Orders(Builder b) {
        // every default is applied here, and only here
        this.store = Check.notNull(b.store, "store");
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.allowZeroPriceLines = b.allowZeroPriceLines;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The order operations of {@code tenant}: one handle per tenant, made on first use and
     * shared (it is thread-safe and holds no per-call state).
     *
     * @throws dev.backoffice.core.error.InvalidRequestException if {@code tenant} is null
     */
    public TenantOrders forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantOrders t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant,
                id -> OrderService.create(store.forTenant(id), clock, allowZeroPriceLines));
    }

    /** Builder of {@link Orders}: every setter checks its argument at once. */
    public static final class Builder {
        private OrderStore store;
        private Clock clock;
        private boolean allowZeroPriceLines;

        private Builder() {
        }

        /** Where orders live (required). */
        public Builder store(OrderStore store) {
            this.store = Check.notNull(store, "store");
            return this;
        }

        /** The clock stamping history entries, payments and so on (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /** Whether lines may have a zero unit price, e.g. free samples (default: no, {@code order.zero_price}). */
        public Builder allowZeroPriceLines(boolean allow) {
            this.allowZeroPriceLines = allow;
            return this;
        }

        /**
         * The service.
         *
         * @throws dev.backoffice.core.error.InvalidRequestException if no store was given
         */
        public Orders build() {
            return new Orders(this);
        }
    }
}
