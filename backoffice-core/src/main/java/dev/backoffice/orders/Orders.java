package dev.backoffice.orders;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.time.Clock;

/**
 * Order processing: the application service that loads an order, checks the operation against
 * the aggregate's limits and the {@link OrderLifecycle} machine, appends the transition to the
 * history and saves with the version check, all in one step per call.
 *
 * <pre>{@code
 * Orders orders = Orders.builder().store(new InMemoryOrderStore()).clock(clock).build();
 * TenantOrders shop = orders.forTenant(TenantId.of("acme"));
 * Order order = shop.create(NewOrder.of("customer-42", PLN, List.of(
 *         OrderLine.of("BOOK-1", 2, Money.parse("PLN 39.99"), "5"))), By.actor("user:ann"));
 * shop.place(order.id(), By.actor("user:ann"));
 * shop.pay(order.id(), order.total(), "psp-123", By.actor("psp"));
 * }</pre>
 *
 * <p>Thread-safe; create one per store and share it. Every operation is scoped by tenant
 * through {@link #forTenant(TenantId)}.
 */
public final class Orders {

    private final OrderStore store;
    private final Clock clock;
    private final boolean allowZeroPriceLines;

    private Orders(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.clock = Check.notNull(b.clock, "clock");
        this.allowZeroPriceLines = b.allowZeroPriceLines;
    }

    /** Starts configuring the service. */
    public static Builder builder() {
        return new Builder();
    }

    /** Operations on the orders of {@code tenant}. */
    public TenantOrders forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return new TenantOrders(store.forTenant(tenant), clock, allowZeroPriceLines);
    }

    /** Configures {@link Orders}. */
    public static final class Builder {
        private OrderStore store;
        private Clock clock = Clock.systemUTC();
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

        /** The service. */
        public Orders build() {
            return new Orders(this);
        }
    }
}
