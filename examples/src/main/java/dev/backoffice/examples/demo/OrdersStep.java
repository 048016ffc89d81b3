package dev.backoffice.examples.demo;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.glue.OrderInvoicing;
import dev.backoffice.examples.glue.OrderStock;
import dev.backoffice.inventory.NewReservation;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Drives each scenario order through the order state machine, and what each event means
 * elsewhere: the invoice and its payments and credit notes in the sales ledger (which posts
 * them), the reservation, shipment, release and return of its goods in the stock ledger (which
 * posts cost of goods sold), and the refund of a customer's credit in the general ledger.
 *
 * <p>Rerunnable: an order's id is derived from the tenant and its reference; events already in
 * its history are skipped; each event's invoicing and stock writes come <em>before</em> the
 * order event, under ids derived from the order id and the event's position in the scenario
 * (the refund's ledger entry under such an idempotency key), so a rerun, or a run after a crash
 * between the writes, makes nothing twice and misses nothing.
 */
final class OrdersStep {

    /** How long a placement's reservation holds the goods unless shipped. */
    static final Duration RESERVATION_HOLD = Duration.ofDays(45);

    private final TenantOrders orders;
    private final TenantLedger ledger;
    private final OrderInvoicing glue;
    private final InvoicingStep invoicing;
    private final TenantInvoicing sales;
    private final StockStep stock;
    private final AdjustableClock clock;
    private final By by;

    OrdersStep(TenantOrders orders, TenantLedger ledger, OrderInvoicing glue, InvoicingStep invoicing, StockStep stock,
               AdjustableClock clock, String actor) {
        this.orders = orders;
        this.ledger = ledger;
        this.glue = glue;
        this.invoicing = invoicing;
        this.sales = invoicing.sales();
        this.stock = stock;
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
            order = apply(spec, order, i, spec.events().get(i), currency, onInvoice);
        }
        return order;
    }

    private Order apply(Scenario.OrderSpec spec, Order order, int eventNo, Scenario.OrderEventSpec event, CurrencyUnit currency,
                        BiConsumer<Order, LocalDate> onInvoice) {
        at(event.date());
        By who = event.reason().map(r -> By.actor(by.actor(), r)).orElse(by);
        LocalDate date = event.date();
        switch (event.type()) {
            case "place" -> {
                Map<String, String> descriptions = new LinkedHashMap<>();
                spec.lines().forEach(l -> l.description().ifPresent(d -> descriptions.put(l.sku(), d)));
                sales.issue(OrderInvoicing.invoice(order, spec.customer(), invoicing.invoiceSeries(), invoicing.seller(), invoicing.buyer(spec.customer()),
                        descriptions, invoicing.unit(), date, invoicing.paymentDays(spec)));
                for (NewReservation r : OrderStock.reservations(order, spec.ref(), stock.warehouse(),
                        date.atStartOfDay().toInstant(ZoneOffset.UTC).plus(RESERVATION_HOLD))) {
                    stock.stock().reserve(r);
                }
                order = orders.place(order.id(), who);
                onInvoice.accept(order, date);
            }
            case "pay" -> {
                Money amount = event.amount().map(a -> money(currency, a)).orElse(order.amountDue());
                String reference = event.reference().orElse("payment");
                PaymentId paymentId = OrderInvoicing.paymentId(order, eventNo);
                if (invoicing.payment(paymentId).isEmpty()) {
                    Invoice invoice = sales.invoice(OrderInvoicing.invoiceId(order));
                    sales.recordPayment(OrderInvoicing.payment(order, invoice, amount, reference, date, eventNo));
                }
                order = orders.pay(order.id(), amount, reference, who);
            }
            case "ship" -> {
                for (ItemQuantity item : items(event.items().orElseThrow())) {
                    stock.stock().move(OrderStock.shipment(order, spec.ref(), eventNo, item.sku(), item.quantity(), stock.warehouse(), date));
                }
                order = orders.ship(order.id(), items(event.items().orElseThrow()), who);
            }
            case "deliver" -> order = orders.deliver(order.id(), who);
            case "complete" -> order = orders.complete(order.id(), who);
            case "cancel" -> {
                Money refund = order.refundable(); // cancelling refunds what was paid
                String reason = "order cancelled: " + event.reason().orElse("no reason given");
                Invoice invoice = sales.invoice(OrderInvoicing.invoiceId(order));
                if (invoice.status() != InvoiceStatus.CANCELLED) {
                    // only an invoice with nothing paid is cancelled: what was paid becomes the customer's credit
                    takeBack(spec, order, invoice, invoice.paid(), reason);
                    sales.cancel(invoice.id(), OrderInvoicing.cancellation(order, eventNo, invoicing.creditNoteSeries(), reason,
                            by.actor(), date));
                }
                for (OrderLine line : order.lines()) {
                    stock.stock().release(OrderStock.reservationId(order, line.sku()));
                }
                if (refund.isPositive()) {
                    ledger.post(glue.refund(order, refund, "cancellation", eventNo, date));
                }
                order = orders.cancel(order.id(), who);
            }
            case "return" -> {
                List<ItemQuantity> items = items(event.items().orElseThrow());
                for (ItemQuantity item : items) {
                    stock.stock().move(OrderStock.returned(order, spec.ref(), eventNo, item.sku(), item.quantity(), stock.warehouse(), date));
                }
                if (invoicing.find(OrderInvoicing.creditNoteId(order, eventNo)).isEmpty()) {
                    Invoice invoice = sales.invoice(OrderInvoicing.invoiceId(order));
                    List<InvoiceLine> current = currentLines(order, invoice);
                    String reason = "goods returned: " + event.reason().orElse("no reason given");
                    var correction = OrderInvoicing.correction(order, eventNo, current, items, invoicing.creditNoteSeries(), reason,
                            by.actor(), date);
                    Money credit = gross(current).minus(gross(correction.lines()));
                    if (credit.isGreaterThan(invoice.open())) {
                        // a credit note settles what is open: take back from the payments what it must settle
                        takeBack(spec, order, invoice, credit.minus(invoice.open()), reason);
                    }
                    sales.correct(invoice.id(), correction);
                }
                order = orders.returnItems(order.id(), items, who);
            }
            case "refund" -> {
                Money amount = event.amount().map(a -> money(currency, a)).orElse(order.refundable());
                ledger.post(glue.refund(order, amount, event.reference().orElse("refund"), eventNo, date));
                order = orders.refund(order.id(), amount, who);
            }
            default -> throw new IllegalStateException("checked by ScenarioChecker: " + event.type());
        }
        return order;
    }

    /**
     * Takes {@code amount} back from what the order's payments allocated to {@code invoice}, the
     * latest payment first. Each unallocation lowers what a payment has on the invoice, so a rerun
     * after a crash finds less to take back and takes nothing twice.
     */
    private void takeBack(Scenario.OrderSpec spec, Order order, Invoice invoice, Money amount, String reason) {
        Money left = amount;
        for (int i = spec.events().size() - 1; i >= 0 && left.isPositive(); i--) {
            if (!spec.events().get(i).type().equals("pay")) {
                continue;
            }
            Payment payment = invoicing.payment(OrderInvoicing.paymentId(order, i)).orElse(null);
            if (payment == null) {
                continue;
            }
            Money onInvoice = Money.zero(invoice.currency());
            for (Allocation a : payment.allocations()) {
                if (a.invoice().equals(invoice.id())) {
                    onInvoice = onInvoice.plus(a.amount());
                }
            }
            Money take = onInvoice.isGreaterThan(left) ? left : onInvoice;
            if (take.isPositive()) {
                sales.unallocate(payment.id(), OrderInvoicing.unallocation(invoice, take, reason, by.actor()));
                left = left.minus(take);
            }
        }
    }

    /** The invoice's lines as its credit notes so far left them (the demo makes at most one per return event). */
    private List<InvoiceLine> currentLines(Order order, Invoice invoice) {
        List<InvoiceLine> lines = new ArrayList<>(invoice.lines());
        for (int i = 0; i < lines.size(); i++) {
            int returned = order.returnedQuantity(order.lines().get(i).sku());
            lines.set(i, lines.get(i).withQuantity(lines.get(i).quantity().subtract(java.math.BigDecimal.valueOf(returned))));
        }
        return lines;
    }

    /**
     * The gross of {@code lines} as an invoice computes it: the net summed per rate, the VAT of
     * each rate from that sum rounded half up (art. 106e ust. 11 ustawy o VAT).
     */
    private static Money gross(List<InvoiceLine> lines) {
        Map<VatRate, Money> netByRate = new LinkedHashMap<>();
        for (InvoiceLine l : lines) {
            netByRate.merge(l.vatRate(), l.netValue(), Money::plus);
        }
        Money gross = null;
        for (Map.Entry<VatRate, Money> e : netByRate.entrySet()) {
            Money vat = e.getValue().multipliedBy(e.getKey().percent().movePointLeft(2), RoundingMode.HALF_UP);
            Money sum = e.getValue().plus(vat);
            gross = gross == null ? sum : gross.plus(sum);
        }
        return gross;
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
