package dev.backoffice.examples.glue;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.orders.ItemQuantity;
import dev.backoffice.orders.NewOrder;
import dev.backoffice.orders.Order;
import dev.backoffice.orders.OrderId;
import dev.backoffice.orders.OrderLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPostingsTest {

    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private final OrderPostings postings = new OrderPostings(GlueFixtures.ACCOUNTS);
    private final TenantLedger ledger = GlueFixtures.ledgerWithChart(PLN, GlueFixtures.clock());

    private static Order order() {
        NewOrder draft = NewOrder.of("C-1", PLN, List.of(
                OrderLine.of("FAN-40", 3, Money.parse("PLN 349.00"), "23"),
                OrderLine.of("BOOK", 1, Money.parse("PLN 59.00"), "5")));
        return Order.draft(OrderId.newId(), TenantId.of("t"), draft, false, Instant.parse("2026-03-10T10:00:00Z"));
    }

    @Test
    void anInvoiceDebitsTheGrossReceivableAndCreditsNetSalesAndVat() {
        Order order = order();
        ledger.post(postings.invoice(order, DAY));
        assertThat(ledger.balance("1100").posted()).isEqualTo(order.total());
        assertThat(order.total()).isEqualTo(Money.parse("PLN 1349.76")); // 1047 + 240.81 VAT + 59 + 2.95 VAT
        assertThat(ledger.trialBalance(DAY).totalDebits(PLN)).isEqualTo(ledger.trialBalance(DAY).totalCredits(PLN));
    }

    @Test
    void postingTheSameInvoiceTwiceBooksItOnce() {
        Order order = order();
        EntryRequest invoice = postings.invoice(order, DAY);
        ledger.post(invoice);
        ledger.post(invoice);
        assertThat(ledger.balance("1100").posted()).isEqualTo(order.total());
    }

    @Test
    void aCreditNoteReversesNetAndVatOfTheReturnedUnitsWithLineRounding() {
        Order order = order();
        ledger.post(postings.invoice(order, DAY));
        ledger.post(postings.creditNote(order, List.of(ItemQuantity.of("FAN-40", 1)), 3, DAY));
        // one fan: 349.00 net + 80.27 VAT (23% of 349.00 = 80.27, HALF_UP)
        assertThat(ledger.balance("1100").posted()).isEqualTo(Money.parse("PLN 920.49"));
    }

    @Test
    void aCancellationReversesTheInvoiceFoundByItsDerivedId() {
        Order order = order();
        ledger.post(postings.invoice(order, DAY));
        ledger.reverse(OrderPostings.invoiceEntryId(order), "cancelled");
        assertThat(ledger.balance("1100").posted().isZero()).isTrue();
        assertThat(ledger.balance("4100").posted().isZero()).isTrue();
    }

    @Test
    void paymentsAndRefundsMoveCashAgainstTheReceivable() {
        Order order = order();
        ledger.post(postings.invoice(order, DAY));
        ledger.post(postings.payment(order, order.total(), "BANK-1", 1, DAY));
        ledger.post(postings.refund(order, Money.parse("PLN 100.00"), 2, DAY));
        assertThat(ledger.balance("1100").posted()).isEqualTo(Money.parse("PLN 100.00"));
        assertThat(ledger.balance("1010").posted()).isEqualTo(Money.parse("PLN 1249.76"));
    }
}
