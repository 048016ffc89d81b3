package dev.backoffice.invoicing.internal;

import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.ledger.EntryId;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each invariant holds for a sound invoice or payment and breaks for one a bug could make. */
class InvariantsTest {

    private static final List<InvoiceLine> LINES = List.of(line("a", "1", pln("100.00"), VatRate.PL_23));
    private static final List<VatTotal> TOTALS = VatMath.totals(LINES, PLN);

    private static Invoice invoice(Money net, Money vat, Money gross, Money paid, Optional<String> number, long seq) {
        return new Invoice(InvoiceId.newId(), 1, InvoiceKind.INVOICE, InvoiceStatus.ISSUED, "FV", number,
                number.map(n -> NumberingPeriod.whole()), seq, "c", ACME, GLOBEX, PLN, LINES, List.of(), TOTALS, net, vat, gross,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 14, paid, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Instant.EPOCH);
    }

    @Test
    void a_sound_invoice_passes() {
        Invoice sound = invoice(pln("100.00"), pln("23.00"), pln("123.00"), pln("23.00"), Optional.of("FV/1"), 1);
        assertThat(Invariants.consistent(sound)).isSameAs(sound);
    }

    @Test
    void totals_that_do_not_add_up_break_it() {
        assertThatThrownBy(() -> Invariants.consistent(invoice(pln("100.00"), pln("23.01"), pln("123.01"), pln("0.00"), Optional.of("FV/1"), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("totals do not add up");
    }

    @Test
    void more_paid_than_the_gross_breaks_it() {
        assertThatThrownBy(() -> Invariants.consistent(invoice(pln("100.00"), pln("23.00"), pln("123.00"), pln("123.01"), Optional.of("FV/1"), 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("paid");
    }

    @Test
    void a_number_without_its_sequence_breaks_it() {
        assertThatThrownBy(() -> Invariants.consistent(invoice(pln("100.00"), pln("23.00"), pln("123.00"), pln("0.00"), Optional.of("FV/1"), 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("number, period and sequence");
    }

    @Test
    void a_payment_allocating_more_than_its_amount_breaks_it() {
        Payment over = new Payment(PaymentId.newId(), 1, "c", pln("10.00"), LocalDate.EPOCH, "r",
                List.of(new Allocation(InvoiceId.newId(), pln("10.01"), LocalDate.EPOCH, EntryId.newId())), Optional.empty(), Instant.EPOCH);
        assertThatThrownBy(() -> Invariants.consistent(over)).isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeds");
    }
}
