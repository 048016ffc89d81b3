package dev.backoffice.examples.glue;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.orders.ItemQuantity;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderLine;
import org.joda.money.Money;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Orders → ledger: the entries an order's life produces, with accrual accounting.
 *
 * <table>
 *   <caption>What is posted when</caption>
 *   <tr><th>order event</th><th>entry</th></tr>
 *   <tr><td>placed (invoice issued)</td><td>Dr receivables (gross) / Cr sales (net), Cr VAT payable (tax)</td></tr>
 *   <tr><td>payment received</td><td>Dr bank / Cr receivables</td></tr>
 *   <tr><td>cancelled</td><td>the invoice entry is reversed (the ledger's {@code reverse})</td></tr>
 *   <tr><td>items returned (credit note)</td><td>Dr sales returns (net), Dr VAT payable (tax) / Cr receivables</td></tr>
 *   <tr><td>money refunded</td><td>Dr receivables / Cr bank</td></tr>
 * </table>
 *
 * <p>Every entry carries an idempotency key derived from the order id and a caller-chosen
 * event number (the demo uses the event's position in the scenario), so replaying an order's
 * events posts nothing twice. The invoice also gets a deterministic entry id, so a
 * cancellation can find it to reverse it. VAT amounts come from the order's own lines
 * (line-level rounding), never recomputed differently here.
 *
 * <p>Order of operations, for crash safety without a shared transaction: post the ledger entry
 * first (idempotent), then fire the order event. A crash in between leaves an entry whose
 * replay is a no-op, and the rerun fires the event.
 */
public final class OrderPostings {

    private final PostingAccounts accounts;

    public OrderPostings(PostingAccounts accounts) {
        this.accounts = Check.notNull(accounts, "accounts");
    }

    /** The idempotency key of the invoice entry of {@code order}. */
    public static String invoiceKey(Order order) {
        return "order/" + order.id().value() + "/invoice";
    }

    /** The entry id of the invoice of {@code order}, derived from the order id: reverse it on cancellation. */
    public static EntryId invoiceEntryId(Order order) {
        return EntryId.of(UUID.nameUUIDFromBytes(invoiceKey(order).getBytes(StandardCharsets.UTF_8)));
    }

    /** The invoice: receivable for the gross total, sales for the net, VAT for the tax. */
    public EntryRequest invoice(Order order, LocalDate date) {
        EntryRequest.Builder entry = EntryRequest.builder(date, "Invoice for order " + order.id().value())
                .idempotencyKey(invoiceKey(order))
                .id(invoiceEntryId(order))
                .metadata("source", "orders")
                .metadata("customer", order.customerRef())
                .debit(accounts.code("receivables"), order.total())
                .credit(accounts.code("sales"), order.netTotal());
        if (order.taxTotal().isPositive()) {
            entry.credit(accounts.code("vatPayable"), order.taxTotal());
        }
        return entry.build();
    }

    /** A payment received: cash in, receivable down. */
    public EntryRequest payment(Order order, Money amount, String reference, int eventNo, LocalDate date) {
        return EntryRequest.builder(date, "Payment " + reference + " for order " + order.id().value())
                .idempotencyKey(key(order, eventNo))
                .metadata("source", "orders")
                .metadata("reference", reference)
                .debit(accounts.code("bank"), amount)
                .credit(accounts.code("receivables"), amount)
                .build();
    }

    /** Money paid back: receivable up (the customer's credit is settled), cash out. */
    public EntryRequest refund(Order order, Money amount, int eventNo, LocalDate date) {
        return EntryRequest.builder(date, "Refund for order " + order.id().value())
                .idempotencyKey(key(order, eventNo) + "/refund")
                .metadata("source", "orders")
                .debit(accounts.code("receivables"), amount)
                .credit(accounts.code("bank"), amount)
                .build();
    }

    /**
     * A credit note for returned items: the net and tax of the returned quantities, rounded per
     * line exactly as the order's own lines are.
     */
    public EntryRequest creditNote(Order order, List<ItemQuantity> returned, int eventNo, LocalDate date) {
        Money net = Money.zero(order.currency());
        Money tax = Money.zero(order.currency());
        for (ItemQuantity item : returned) {
            OrderLine line = order.lines().stream().filter(l -> l.sku().equals(item.sku())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a SKU of the order: " + item.sku()));
            OrderLine part = new OrderLine(line.sku(), item.quantity(), line.unitPrice(), line.taxRate());
            net = MoneyMath.plus(net, part.net());
            tax = MoneyMath.plus(tax, part.tax());
        }
        EntryRequest.Builder entry = EntryRequest.builder(date, "Credit note (return) for order " + order.id().value())
                .idempotencyKey(key(order, eventNo))
                .metadata("source", "orders")
                .debit(accounts.code("salesReturns"), net)
                .credit(accounts.code("receivables"), MoneyMath.plus(net, tax));
        if (tax.isPositive()) {
            entry.debit(accounts.code("vatPayable"), tax);
        }
        return entry.build();
    }

    private static String key(Order order, int eventNo) {
        return "order/" + order.id().value() + "/" + eventNo;
    }
}
