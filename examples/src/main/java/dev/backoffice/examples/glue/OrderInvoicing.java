package dev.backoffice.examples.glue;

import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.CancelInvoice;
import dev.backoffice.invoicing.CorrectInvoice;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.NewPayment;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.Unallocation;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.orders.ItemQuantity;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderLine;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders → invoicing: the invoice an order's placement issues, the payments, the credit notes of
 * a cancellation or a return, and the refund of what a customer is owed back. Invoicing posts
 * the invoice, payment and credit-note entries itself (receivable, revenue, VAT due, bank,
 * customer credit), in its own transaction; the only entry the glue makes is the refund, which
 * invoicing has no command for.
 *
 * <table>
 *   <caption>What each order event becomes</caption>
 *   <tr><th>order event</th><th>invoicing</th></tr>
 *   <tr><td>placed</td><td>{@code issue}: the invoice, numbered in the seller's series</td></tr>
 *   <tr><td>payment received</td><td>{@code recordPayment} allocated to the invoice</td></tr>
 *   <tr><td>cancelled</td><td>what was paid is unallocated (it becomes the customer's credit), then {@code cancel}: a credit note taking every line back</td></tr>
 *   <tr><td>items returned</td><td>the value of the returned items is unallocated if the invoice is paid, then {@code correct}: a credit note for them</td></tr>
 *   <tr><td>money refunded</td><td>ledger entry: Dr customer credit / Cr bank</td></tr>
 * </table>
 *
 * <p>Every identity (invoice, payment, credit note, refund entry) is derived from the order id and
 * the event's number, so replaying an order's events after a crash finds what is stored and
 * makes nothing twice. Do the invoicing write first, then fire the order event.
 *
 * <p>VAT: an order rounds VAT per line, an invoice per rate from the net sum (art. 106e ust. 11
 * of the Polish VAT Act, HMRC VAT Notice 700 16.3); the two totals can differ by a minor unit.
 * Money received is allocated up to what the invoice has open.
 */
public final class OrderInvoicing {

    private final PostingAccounts accounts;

    public OrderInvoicing(PostingAccounts accounts) {
        this.accounts = Check.notNull(accounts, "accounts");
    }

    /** The invoice id of {@code order}. */
    public static InvoiceId invoiceId(Order order) {
        return InvoiceId.of(uuid("invoice:" + order.id().value()));
    }

    /** The id of the payment recorded for event {@code eventNo} of {@code order}. */
    public static PaymentId paymentId(Order order, int eventNo) {
        return PaymentId.of(uuid("payment:" + order.id().value() + ":" + eventNo));
    }

    /** The id of the credit note made by event {@code eventNo} of {@code order}. */
    public static InvoiceId creditNoteId(Order order, int eventNo) {
        return InvoiceId.of(uuid("credit-note:" + order.id().value() + ":" + eventNo));
    }

    /**
     * The VAT rate of {@code country} whose percentage is {@code percent}: the taxed rates, and 0
     * as the zero rate. Anything else is an invalid request naming {@code field}.
     */
    public static VatRate vatRate(String country, BigDecimal percent, String field) {
        for (VatRate rate : VatRate.values()) {
            boolean taxedOrZero = rate.treatment() == VatRate.Treatment.TAXED || rate.treatment() == VatRate.Treatment.ZERO_RATED;
            if (taxedOrZero && rate.country().equals(country) && rate.percent().compareTo(percent) == 0) {
                return rate;
            }
        }
        Check.that(false, field, "is not a VAT rate of " + country, percent);
        throw new AssertionError("unreachable");
    }

    /**
     * The invoice of {@code order} to {@code customer} (the key its payments name): one line per
     * order line, {@code descriptions} by SKU (the SKU itself where none), in {@code unit}, issued
     * on {@code issueDate}, due {@code paymentDays} later.
     */
    public static NewInvoice invoice(Order order, String customer, String series, Party seller, Party buyer,
                                     Map<String, String> descriptions, String unit, LocalDate issueDate, int paymentDays) {
        Check.notNull(order, "order");
        NewInvoice.Builder invoice = NewInvoice.builder(series, order.currency())
                .id(invoiceId(order))
                .customer(customer)
                .seller(seller)
                .buyer(buyer)
                .issueDate(issueDate)
                .paymentDays(paymentDays);
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            invoice.line(InvoiceLine.of(descriptions.getOrDefault(line.sku(), line.sku()), BigDecimal.valueOf(line.quantity()), unit,
                    line.unitPrice(), vatRate(seller.country(), line.taxRate(), "lines[" + i + "].taxRate")));
        }
        return invoice.build();
    }

    /** A payment for event {@code eventNo}, allocated to the invoice up to what it has open; the rest is the customer's credit. */
    public static NewPayment payment(Order order, Invoice invoice, Money amount, String reference, LocalDate receivedOn, int eventNo) {
        Money allocated = amount.isGreaterThan(invoice.open()) ? invoice.open() : amount;
        NewPayment payment = NewPayment.of(invoice.customer(), amount, receivedOn, reference).withId(paymentId(order, eventNo));
        return allocated.isPositive() ? payment.allocate(invoice.id(), allocated) : payment;
    }

    /** Takes {@code amount} of a payment's allocation back from the invoice, so a credit note can settle it instead. */
    public static Unallocation unallocation(Invoice invoice, Money amount, String reason, String actor) {
        return Unallocation.of(invoice.id(), amount, reason, actor);
    }

    /** The cancellation of the whole invoice by a credit note numbered in {@code series}. */
    public static CancelInvoice cancellation(Order order, int eventNo, String series, String reason, String actor, LocalDate date) {
        return new CancelInvoice(java.util.Optional.of(creditNoteId(order, eventNo)), series, reason, actor, java.util.Optional.of(date));
    }

    /**
     * A credit note for {@code returned} items: each invoice line with its quantity less what came
     * back, from {@code current} (the invoice's lines as earlier credit notes left them).
     */
    public static CorrectInvoice correction(Order order, int eventNo, List<InvoiceLine> current, List<ItemQuantity> returned,
                                            String series, String reason, String actor, LocalDate date) {
        List<InvoiceLine> after = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            String sku = order.lines().get(i).sku();
            BigDecimal back = BigDecimal.ZERO;
            for (ItemQuantity item : returned) {
                if (item.sku().equals(sku)) {
                    back = back.add(BigDecimal.valueOf(item.quantity()));
                }
            }
            after.add(current.get(i).withQuantity(current.get(i).quantity().subtract(back)));
        }
        return CorrectInvoice.of(series, after, reason, actor).withIssueDate(date).withCreditNoteId(creditNoteId(order, eventNo));
    }

    /** Money paid back to the customer out of its credit: Dr customer credit / Cr bank. */
    public EntryRequest refund(Order order, Money amount, String reference, int eventNo, LocalDate date) {
        return EntryRequest.builder(date, "Refund " + reference + " for order " + order.id().value())
                .idempotencyKey("order/" + order.id().value() + "/" + eventNo + "/refund")
                .metadata("source", "orders")
                .metadata("reference", reference)
                .debit(accounts.code("customerCredit"), amount)
                .credit(accounts.code("bank"), amount)
                .build();
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
