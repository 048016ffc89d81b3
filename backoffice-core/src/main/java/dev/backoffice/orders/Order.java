package dev.backoffice.orders;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.validation.Check;
import dev.backoffice.statemachine.Outcome;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order aggregate: an immutable value holding the lines, payments, shipments, returns,
 * refunds and the history of transitions of one order of one tenant.
 *
 * <p>Every change returns a new {@code Order}; the methods that record payments, shipments,
 * returns and refunds check the aggregate's limits (never pay more than the total, ship more
 * than ordered, return more than delivered, refund more than paid) and throw a typed exception
 * with a stable code from {@link OrderErrorCode} instead. The status changes only through the
 * {@link OrderLifecycle} machine; use the {@link Orders} service, which checks both and saves
 * with optimistic versioning.
 *
 * <p>Amounts: see {@link OrderLine} for the line-level rounding. {@link #total()} is the sum of
 * the lines' gross amounts; {@link #amountDue()} is the total less payments.
 *
 * @param id          the order's id
 * @param tenant      the tenant owning it
 * @param customerRef the customer in the caller's own system
 * @param currency    the currency of every amount
 * @param payLater    whether it may ship before it is paid
 * @param status      where it is in its life
 * @param version     the stored version it was read at (0 before the first save); the store
 *                    refuses to save over a newer one
 * @param lines       the lines, SKUs unique
 * @param payments    money received, in order
 * @param shipments   shipments, in order
 * @param returns     returns, in order
 * @param refunds     refunds, in order
 * @param history     every transition, in order
 * @param createdBy   who created it
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 */
public record Order(OrderId id, TenantId tenant, String customerRef, CurrencyUnit currency, boolean payLater,
                    OrderStatus status, long version, List<OrderLine> lines, List<Payment> payments,
                    List<Shipment> shipments, List<ItemReturn> returns, List<Refund> refunds,
                    List<OrderHistoryEntry> history, String createdBy, Instant createdAt, Instant updatedAt) {

    public Order {
        Check.notNull(id, "id");
        Check.notNull(tenant, "tenant");
        Check.text(customerRef, "customerRef", OrderLimits.MAX_CUSTOMER_REF_LENGTH);
        Check.notNull(currency, "currency");
        Check.notNull(status, "status");
        Check.that(version >= 0, "version", "must not be negative", version);
        lines = List.copyOf(Check.notNull(lines, "lines"));
        payments = List.copyOf(Check.notNull(payments, "payments"));
        shipments = List.copyOf(Check.notNull(shipments, "shipments"));
        returns = List.copyOf(Check.notNull(returns, "returns"));
        refunds = List.copyOf(Check.notNull(refunds, "refunds"));
        history = List.copyOf(Check.notNull(history, "history"));
        Check.text(createdBy, "createdBy", AuditEvent.MAX_ACTOR_LENGTH);
        Check.notNull(createdAt, "createdAt");
        Check.notNull(updatedAt, "updatedAt");
        checkLines(lines, currency, true);
    }

    /**
     * A new draft order, created by {@link #SYSTEM}.
     *
     * @param allowZeroPrice whether lines may have a zero unit price (e.g. free samples)
     * @throws InvalidRequestException for bad lines: no lines or too many ({@code order.invalid_lines}),
     *                                 duplicate SKUs, prices in another currency, zero prices when not allowed
     */
    public static Order draft(OrderId id, TenantId tenant, NewOrder order, boolean allowZeroPrice, Instant at) {
        return draft(id, tenant, order, allowZeroPrice, By.actor(SYSTEM), at);
    }

    /** Who created an order when no actor is given: {@value}. */
    public static final String SYSTEM = "system";

    /**
     * A new draft order created by {@code by}.
     *
     * @param allowZeroPrice whether lines may have a zero unit price (e.g. free samples)
     * @throws InvalidRequestException for bad lines, as {@link #draft(OrderId, TenantId, NewOrder, boolean, Instant)}
     */
    public static Order draft(OrderId id, TenantId tenant, NewOrder order, boolean allowZeroPrice, By by, Instant at) {
        Check.notNull(order, "order");
        Check.notNull(by, "by");
        checkLines(order.lines(), order.currency(), allowZeroPrice);
        Order draft = new Order(id, tenant, order.customerRef(), order.currency(), order.payLater(), OrderStatus.DRAFT,
                0, order.lines(), List.of(), List.of(), List.of(), List.of(), List.of(), by.actor(), at, at);
        draft.total(); // fails early with money.overflow if the lines do not fit
        return draft;
    }

    private static void checkLines(List<OrderLine> lines, CurrencyUnit currency, boolean allowZeroPrice) {
        if (lines.isEmpty() || lines.size() > OrderLine.MAX_LINES) {
            throw OrderErrorCode.INVALID_LINES.invalid("lines",
                    "must have between 1 and " + OrderLine.MAX_LINES + " lines", lines.size() + " lines");
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = Check.notNull(lines.get(i), "lines[" + i + "]");
            if (!line.unitPrice().getCurrencyUnit().equals(currency)) {
                throw OrderErrorCode.CURRENCY_MISMATCH.invalid("lines[" + i + "].unitPrice",
                        "must be in the order's currency " + currency, line.unitPrice());
            }
            if (!allowZeroPrice && line.unitPrice().isZero()) {
                throw OrderErrorCode.ZERO_PRICE.invalid("lines[" + i + "].unitPrice",
                        "must be greater than zero (zero-price lines are not allowed)", line.unitPrice());
            }
            if (!skus.add(line.sku())) {
                throw OrderErrorCode.DUPLICATE_SKU.invalid("lines[" + i + "].sku",
                        "appears on another line; put the whole quantity on one line", line.sku());
            }
        }
    }

    // ---- amounts ----------------------------------------------------------------------------

    /** Sum of the lines' net amounts. */
    public Money netTotal() {
        long sum = 0;
        for (OrderLine l : lines) {
            sum = MoneyMath.addExact(sum, MoneyMath.toMinor(l.net()));
        }
        return MoneyMath.ofMinor(currency, sum);
    }

    /** Sum of the lines' (rounded) tax amounts. */
    public Money taxTotal() {
        long sum = 0;
        for (OrderLine l : lines) {
            sum = MoneyMath.addExact(sum, MoneyMath.toMinor(l.tax()));
        }
        return MoneyMath.ofMinor(currency, sum);
    }

    /** What the customer pays: net + tax, summed over the lines. */
    public Money total() {
        return MoneyMath.plus(netTotal(), taxTotal());
    }

    /** Sum of all payments. */
    public Money paid() {
        long sum = 0;
        for (Payment p : payments) {
            sum = MoneyMath.addExact(sum, MoneyMath.toMinor(p.amount()));
        }
        return MoneyMath.ofMinor(currency, sum);
    }

    /** Sum of all refunds. */
    public Money refunded() {
        long sum = 0;
        for (Refund r : refunds) {
            sum = MoneyMath.addExact(sum, MoneyMath.toMinor(r.amount()));
        }
        return MoneyMath.ofMinor(currency, sum);
    }

    /** Total less payments: what is still to be paid. */
    public Money amountDue() {
        return MoneyMath.minus(total(), paid());
    }

    /** Payments less refunds: what may still be refunded. */
    public Money refundable() {
        return MoneyMath.minus(paid(), refunded());
    }

    // ---- quantities -------------------------------------------------------------------------

    /** Units of {@code sku} ordered (0 for an unknown SKU). */
    public int orderedQuantity(String sku) {
        for (OrderLine l : lines) {
            if (l.sku().equals(sku)) {
                return l.quantity();
            }
        }
        return 0;
    }

    /** Units of {@code sku} shipped so far. */
    public int shippedQuantity(String sku) {
        int n = 0;
        for (Shipment s : shipments) {
            n += quantityOf(s.items(), sku);
        }
        return n;
    }

    /** Units of {@code sku} returned so far. */
    public int returnedQuantity(String sku) {
        int n = 0;
        for (ItemReturn r : returns) {
            n += quantityOf(r.items(), sku);
        }
        return n;
    }

    private static int quantityOf(List<ItemQuantity> items, String sku) {
        int n = 0;
        for (ItemQuantity i : items) {
            if (i.sku().equals(sku)) {
                n += i.quantity();
            }
        }
        return n;
    }

    /** Whether nothing is due. */
    public boolean fullyPaid() {
        return amountDue().isZero();
    }

    /** Whether every unit of every line has shipped. */
    public boolean fullyShipped() {
        return lines.stream().allMatch(l -> shippedQuantity(l.sku()) == l.quantity());
    }

    /** Whether every shipped unit came back. */
    public boolean fullyReturned() {
        return lines.stream().allMatch(l -> returnedQuantity(l.sku()) == shippedQuantity(l.sku()));
    }

    /** Whether everything paid has been refunded (and something was paid). */
    public boolean fullyRefunded() {
        return paid().isPositive() && refundable().isZero();
    }

    // ---- changes (each returns a new order) -------------------------------------------------

    /**
     * This order with a payment recorded.
     *
     * @throws InvalidRequestException {@code order.currency_mismatch}, {@code order.invalid_amount}
     * @throws RuleViolationException  {@code order.overpayment} if it exceeds {@link #amountDue()}
     */
    public Order withPayment(Money amount, String reference, Instant at) {
        checkAmount(amount);
        Money due = amountDue();
        if (amount.isGreaterThan(due)) {
            throw OrderErrorCode.OVERPAYMENT.rule("payment of " + amount + " exceeds the amount due " + due + " on order " + id);
        }
        List<Payment> next = new ArrayList<>(payments);
        next.add(new Payment(payments.size() + 1, amount, reference, at));
        return new Order(id, tenant, customerRef, currency, payLater, status, version, lines, next, shipments, returns,
                refunds, history, createdBy, createdAt, at);
    }

    /**
     * This order with a refund recorded.
     *
     * @throws InvalidRequestException {@code order.currency_mismatch}, {@code order.invalid_amount}
     * @throws RuleViolationException  {@code order.refund_exceeds_paid} if it exceeds {@link #refundable()}
     */
    public Order withRefund(Money amount, String reason, Instant at) {
        checkAmount(amount);
        Money refundable = refundable();
        if (amount.isGreaterThan(refundable)) {
            throw OrderErrorCode.REFUND_EXCEEDS_PAID.rule("refund of " + amount + " exceeds what was paid and not yet refunded, " + refundable + ", on order " + id);
        }
        List<Refund> next = new ArrayList<>(refunds);
        next.add(new Refund(refunds.size() + 1, amount, reason, at));
        return new Order(id, tenant, customerRef, currency, payLater, status, version, lines, payments, shipments, returns,
                next, history, createdBy, createdAt, at);
    }

    /**
     * This order with a shipment recorded.
     *
     * @throws InvalidRequestException {@code order.unknown_sku}, {@code order.invalid_lines} (empty or repeated SKU)
     * @throws RuleViolationException  {@code order.overshipment} if a line would ship more than ordered
     */
    public Order withShipment(List<ItemQuantity> items, Instant at) {
        Map<String, Integer> wanted = merge(items, "items");
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            int left = orderedQuantity(e.getKey()) - shippedQuantity(e.getKey());
            if (e.getValue() > left) {
                throw OrderErrorCode.OVERSHIPMENT.rule("cannot ship " + e.getValue() + " x " + e.getKey()
                        + " on order " + id + ": only " + left + " left to ship");
            }
        }
        List<Shipment> next = new ArrayList<>(shipments);
        next.add(new Shipment(shipments.size() + 1, items, at));
        return new Order(id, tenant, customerRef, currency, payLater, status, version, lines, payments, next, returns,
                refunds, history, createdBy, createdAt, at);
    }

    /**
     * This order with a return recorded.
     *
     * @throws InvalidRequestException {@code order.unknown_sku}, {@code order.invalid_lines}
     * @throws RuleViolationException  {@code order.return_exceeds_delivered} if more comes back than was delivered
     */
    public Order withReturn(List<ItemQuantity> items, Instant at) {
        Map<String, Integer> wanted = merge(items, "items");
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            int left = shippedQuantity(e.getKey()) - returnedQuantity(e.getKey());
            if (e.getValue() > left) {
                throw OrderErrorCode.RETURN_EXCEEDS_DELIVERED.rule("cannot return " + e.getValue()
                        + " x " + e.getKey() + " on order " + id + ": only " + left + " delivered and not returned");
            }
        }
        List<ItemReturn> next = new ArrayList<>(returns);
        next.add(new ItemReturn(returns.size() + 1, items, at));
        return new Order(id, tenant, customerRef, currency, payLater, status, version, lines, payments, shipments, next,
                refunds, history, createdBy, createdAt, at);
    }

    /** This order moved by a machine outcome, with the transition appended to its history. */
    public Order transitioned(Outcome<OrderStatus, OrderEvent> outcome, By by, Instant at) {
        Check.notNull(outcome, "outcome");
        Check.notNull(by, "by");
        Check.that(outcome.source() == status, "outcome", "starts from " + outcome.source() + ", not " + status, outcome);
        List<OrderHistoryEntry> next = new ArrayList<>(history);
        next.add(new OrderHistoryEntry(history.size() + 1, at, by.actor(), outcome.event(), outcome.source(),
                outcome.target(), by.reason()));
        return new Order(id, tenant, customerRef, currency, payLater, outcome.target(), version, lines, payments, shipments,
                returns, refunds, next, createdBy, createdAt, at);
    }

    /** The same order at another stored version (used by stores). */
    public Order withVersion(long newVersion) {
        return new Order(id, tenant, customerRef, currency, payLater, status, newVersion, lines, payments, shipments,
                returns, refunds, history, createdBy, createdAt, updatedAt);
    }

    private void checkAmount(Money amount) {
        Check.notNull(amount, "amount");
        if (!amount.getCurrencyUnit().equals(currency)) {
            throw OrderErrorCode.CURRENCY_MISMATCH.invalid("amount",
                    "must be in the order's currency " + currency, amount);
        }
        if (!amount.isPositive()) {
            throw OrderErrorCode.INVALID_AMOUNT.invalid("amount", "must be greater than zero", amount);
        }
    }

    private Map<String, Integer> merge(List<ItemQuantity> items, String field) {
        Check.notNull(items, field);
        if (items.isEmpty()) {
            throw OrderErrorCode.INVALID_LINES.invalid(field, "must name at least one item", "[]");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemQuantity item = Check.notNull(items.get(i), field + "[" + i + "]");
            if (orderedQuantity(item.sku()) == 0) {
                throw OrderErrorCode.UNKNOWN_SKU.invalid(field + "[" + i + "].sku",
                        "is not a line of order " + id, item.sku());
            }
            if (out.put(item.sku(), item.quantity()) != null) {
                throw OrderErrorCode.INVALID_LINES.invalid(field + "[" + i + "].sku",
                        "appears twice; give each SKU once", item.sku());
            }
        }
        return out;
    }
}
