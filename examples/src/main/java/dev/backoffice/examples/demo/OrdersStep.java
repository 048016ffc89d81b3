package dev.backoffice.examples.demo;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.OrderPostings;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.orders.By;
import dev.backoffice.orders.ItemQuantity;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLine;
import dev.backoffice.orders.TenantOrders;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Drives each scenario order through the order state machine and posts what each event means
 * to the ledger (through {@link OrderPostings}).
 *
 * <p>Rerunnable: an order's id is derived from the tenant and its reference; events already in
 * its history are skipped; each ledger entry is posted <em>before</em> its order event with an
 * idempotency key made of the order id and the event's position in the scenario, so a rerun,
 * or a run after a crash between the two writes, books nothing twice and misses nothing.
 */
final class OrdersStep {

    private final TenantOrders orders;
    private final TenantLedger ledger;
    private final OrderPostings postings;
    private final AdjustableClock clock;
    private final By by;

    OrdersStep(TenantOrders orders, TenantLedger ledger, OrderPostings postings, AdjustableClock clock, String actor) {
        this.orders = orders;
        this.ledger = ledger;
        this.postings = postings;
        this.clock = clock;
        this.by = By.actor(actor);
    }

    /** A stable id for an order reference within a tenant. */
    static OrderId orderId(String tenant, String ref) {
        return OrderId.of(UUID.nameUUIDFromBytes(("order:" + tenant + ":" + ref).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Runs one order's events; {@code onInvoice} is told about each order whose invoice was
     * issued (to archive it). Returns the order as it ends.
     */
    Order run(Scenario.OrderSpec spec, CurrencyUnit currency, BiConsumer<Order, LocalDate> onInvoice) {
        OrderId id = orderId(orders.tenant().value(), spec.ref());
        Order order = orders.find(id).orElse(null);
        if (order == null) {
            at(spec.date());
            List<OrderLine> lines = new ArrayList<>();
            for (Scenario.OrderLineSpec l : spec.lines()) {
                lines.add(new OrderLine(l.sku(), l.quantity(), MoneyMath.of(currency, l.unitPrice(), RoundingMode.UNNECESSARY), l.taxRate()));
            }
            NewOrder draft = NewOrder.of(spec.ref(), currency, lines).withId(id);
            if (spec.payLater().orElse(false)) {
                draft = draft.payingLater();
            }
            order = orders.create(draft, by);
        }
        // One history entry per event: skip what an earlier run already applied.
        for (int i = order.history().size(); i < spec.events().size(); i++) {
            order = apply(order, i, spec.events().get(i), currency, onInvoice);
        }
        return order;
    }

    private Order apply(Order order, int eventNo, Scenario.OrderEventSpec event, CurrencyUnit currency,
                        BiConsumer<Order, LocalDate> onInvoice) {
        at(event.date());
        By who = event.reason().map(r -> By.actor(by.actor(), r)).orElse(by);
        LocalDate date = event.date();
        switch (event.type()) {
            case "place" -> {
                ledger.post(postings.invoice(order, date));
                order = orders.place(order.id(), who);
                onInvoice.accept(order, date);
            }
            case "pay" -> {
                Money amount = event.amount().map(a -> money(currency, a)).orElse(order.amountDue());
                String reference = event.reference().orElse("payment");
                ledger.post(postings.payment(order, amount, reference, eventNo, date));
                order = orders.pay(order.id(), amount, reference, who);
            }
            case "ship" -> order = orders.ship(order.id(), items(event.items().orElseThrow()), who);
            case "deliver" -> order = orders.deliver(order.id(), who);
            case "complete" -> order = orders.complete(order.id(), who);
            case "cancel" -> {
                Money refund = order.refundable(); // cancelling refunds what was paid
                reverseInvoice(order, "order cancelled: " + event.reason().orElse("no reason given"));
                if (refund.isPositive()) {
                    ledger.post(postings.refund(order, refund, eventNo, date));
                }
                order = orders.cancel(order.id(), who);
            }
            case "return" -> {
                List<ItemQuantity> items = items(event.items().orElseThrow());
                ledger.post(postings.creditNote(order, items, eventNo, date));
                order = orders.returnItems(order.id(), items, who);
            }
            case "refund" -> {
                Money amount = event.amount().map(a -> money(currency, a)).orElse(order.refundable());
                ledger.post(postings.refund(order, amount, eventNo, date));
                order = orders.refund(order.id(), amount, who);
            }
            default -> throw new IllegalStateException("checked by ScenarioChecker: " + event.type());
        }
        return order;
    }

    private void reverseInvoice(Order order, String reason) {
        try {
            ledger.reverse(OrderPostings.invoiceEntryId(order), reason);
        } catch (BackofficeException e) {
            if (!e.code().equals(LedgerErrorCode.ALREADY_REVERSED.code())) {
                throw e;
            }
            // reversed by an earlier run that stopped before cancelling the order: nothing to do
        }
    }

    private static Money money(CurrencyUnit currency, java.math.BigDecimal amount) {
        return MoneyMath.of(currency, amount, RoundingMode.UNNECESSARY);
    }

    private static List<ItemQuantity> items(Map<String, Integer> items) {
        List<ItemQuantity> list = new ArrayList<>();
        items.forEach((sku, qty) -> list.add(ItemQuantity.of(sku, qty)));
        return list;
    }

    private void at(LocalDate date) {
        clock.set(date.atTime(10, 0).toInstant(ZoneOffset.UTC));
    }
}
