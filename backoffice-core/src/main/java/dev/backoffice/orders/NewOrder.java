package dev.backoffice.orders;

import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;

import java.util.List;
import java.util.Optional;

/**
 * What it takes to create an order (in {@link OrderStatus#DRAFT}).
 *
 * @param id          the id to use; empty to generate one. Supplying it makes a retried create safe:
 *                    the second attempt fails with {@code order.already_exists} instead of duplicating
 * @param customerRef the customer in the caller's own system (1-{@value OrderLimits#MAX_CUSTOMER_REF_LENGTH} characters)
 * @param currency    the currency of every price and payment
 * @param payLater    whether the order may ship before it is paid (invoice terms)
 * @param lines       at least one line, SKUs unique
 */
public record NewOrder(Optional<OrderId> id, String customerRef, CurrencyUnit currency, boolean payLater,
                       List<OrderLine> lines) {
    public NewOrder {
        Check.notNull(id, "id");
        Check.notNull(currency, "currency");
        Check.notNull(lines, "lines");
        lines = List.copyOf(lines);
    }

    /** A prepaid order with a generated id. */
    public static NewOrder of(String customerRef, CurrencyUnit currency, List<OrderLine> lines) {
        return new NewOrder(Optional.empty(), customerRef, currency, false, lines);
    }

    /** The same order, allowed to ship before payment. */
    public NewOrder payingLater() {
        return new NewOrder(id, customerRef, currency, true, lines);
    }

    /** The same order with a caller-chosen id. */
    public NewOrder withId(OrderId orderId) {
        return new NewOrder(Optional.of(Check.notNull(orderId, "id")), customerRef, currency, payLater, lines);
    }
}
