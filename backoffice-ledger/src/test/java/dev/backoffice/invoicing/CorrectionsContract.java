package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.ledger.JournalEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;

import static dev.backoffice.invoicing.ApFixtures.GLOBEX_KEY;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;

/** Partial credit notes and unallocations on every store kind. */
public abstract class CorrectionsContract extends ApContractBase {

    private Invoice invoice;

    protected CorrectionsContract(StoreKind kind) {
        super(kind);
    }

    @BeforeEach
    void anInvoice() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoice = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).saleDate(MARCH_16)
                .line(line("Consulting", "10", pln("100.00"), VatRate.PL_23))   // 1000.00 + 230.00
                .line(line("Books", "1", pln("100.00"), VatRate.PL_8)).build()); // 100.00 + 8.00 -> gross 1338.00
    }

    private List<InvoiceLine> lines(String q0, String p1) {
        return List.of(invoice.lines().get(0).withQuantity(new BigDecimal(q0)),
                new InvoiceLine("Books", BigDecimal.ONE, "szt.", pln(p1).toBigMoney(), BigDecimal.ZERO, VatRate.PL_8));
    }

    private CorrectInvoice correction(String q0, String p1) {
        return CorrectInvoice.of("KOR", lines(q0, p1), "3 hours not worked, books discounted", "clerk").withIssueDate(MARCH_16.plusDays(2));
    }

    @Test
    void a_partial_credit_note_states_each_line_before_and_after_takes_back_the_difference_per_rate_and_posts_it() {
        Invoice note = invoicing.correct(invoice.id(), correction("7", "80.00"));
        assertThat(note.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(note.number()).contains("KOR/2026/1");
        assertThat(note.corrects()).contains(invoice.id());
        assertThat(note.linesBefore()).isEqualTo(invoice.lines());
        assertThat(note.lines()).isEqualTo(lines("7", "80.00"));
        assertThat(note.totals()).extracting(VatTotal::rate, VatTotal::net, VatTotal::vat).containsExactly(
                org.assertj.core.groups.Tuple.tuple(VatRate.PL_23, pln("-300.00"), pln("-69.00")),
                org.assertj.core.groups.Tuple.tuple(VatRate.PL_8, pln("-20.00"), pln("-1.60")));
        assertThat(note.gross()).isEqualTo(pln("-390.60"));
        Invoice corrected = invoicing.invoice(invoice.id());
        assertThat(corrected.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(corrected.open()).isEqualTo(pln("947.40"));
        JournalEntry entry = ledger.entry(note.ledgerEntry().orElseThrow());
        assertThat(entry.effectiveDate()).isEqualTo(MARCH_16.plusDays(2));
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("947.40"));
        assertThat(ledger.balance("4100").posted()).isEqualTo(pln("780.00"));
        assertThat(ledger.balance("2200").posted()).isEqualTo(pln("167.40"));
        // a retry with the credit note's id returns it; the next correction starts from the corrected lines
        assertThat(invoicing.correct(invoice.id(), correction("7", "80.00").withCreditNoteId(note.id()))).isEqualTo(note);
        Invoice second = invoicing.correct(invoice.id(), correction("5", "80.00"));
        assertThat(second.linesBefore()).isEqualTo(lines("7", "80.00"));
        assertThat(second.gross()).isEqualTo(pln("-246.00"));
        assertThat(invoicing.invoice(invoice.id()).open()).isEqualTo(pln("701.40"));
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("701.40"));
        // and a payment of the rest settles it
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("701.40"), MARCH_16, "rest").allocate(invoice.id(), pln("701.40")));
        assertThat(invoicing.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("0.00"));
    }

    @Test
    void a_correction_that_raises_a_line_or_takes_back_more_than_is_open_is_refused_naming_the_field_and_writes_nothing() {
        failsNaming("invoicing.invalid_correction", "lines[0].quantity", () -> invoicing.correct(invoice.id(), correction("11", "100.00")));
        failsNaming("invoicing.invalid_correction", "lines[1].unitNetPrice", () -> invoicing.correct(invoice.id(), correction("10", "120.00")));
        failsNaming("invoicing.invalid_correction", "lines", () -> invoicing.correct(invoice.id(), correction("10", "100.00")));
        failsNaming("invoicing.invalid_correction", "lines", () -> invoicing.correct(invoice.id(),
                CorrectInvoice.of("KOR", List.of(invoice.lines().get(0)), "one line", "clerk")));
        failsNaming("invoicing.invalid_correction", "lines[1].vatRate", () -> invoicing.correct(invoice.id(),
                CorrectInvoice.of("KOR", List.of(invoice.lines().get(0), line("Books", "1", pln("50.00"), VatRate.PL_5)), "rate", "clerk")));
        failsNaming("invoicing.invalid_quantity", "lines[0].quantity", () -> invoicing.correct(invoice.id(), correction("-1", "100.00")));
        failsNaming("invoicing.currency_mismatch", "lines[1].unitNetPrice", () -> invoicing.correct(invoice.id(),
                CorrectInvoice.of("KOR", List.of(invoice.lines().get(0), line("Books", "1", eur("50.00"), VatRate.PL_8)), "eur", "clerk")));
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1000.00"), MARCH_16, "most").allocate(invoice.id(), pln("1000.00")));
        int entries = ledger.journal(0, 100).size();
        failsNaming("invoicing.credit_exceeds_invoice", "lines", () -> invoicing.correct(invoice.id(), correction("7", "80.00")));
        assertThat(ledger.journal(0, 100)).hasSize(entries);
        assertThat(invoicing.gapAudit("KOR", NumberingPeriod.year(Year.of(2026))).counter()).isZero();
        assertThat(invoicing.invoice(invoice.id()).paid()).isEqualTo(pln("1000.00"));
        // within what is open it goes through and takes the first number
        assertThat(invoicing.correct(invoice.id(), correction("8", "100.00")).number()).contains("KOR/2026/1"); // 246.00 of 338.00
    }

    @Test
    void an_allocation_taken_back_opens_the_invoice_again_moves_the_money_to_customer_credit_and_can_be_allocated_again() {
        Payment payment = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("1338.00"), MARCH_16, "t1").allocate(invoice.id(), pln("1338.00")));
        assertThat(invoicing.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        Payment after = invoicing.unallocate(payment.id(), Unallocation.of(invoice.id(), pln("338.00"), "allocated to the wrong invoice", "clerk"));
        assertThat(after.unallocated()).isEqualTo(pln("338.00"));
        assertThat(after.allocations()).last().satisfies(a -> assertThat(a.amount()).isEqualTo(pln("-338.00")));
        assertThat(invoicing.invoice(invoice.id())).returns(InvoiceStatus.PARTIALLY_PAID, Invoice::status).returns(pln("338.00"), Invoice::open);
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("338.00"));
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("338.00"));
        failsNaming("invoicing.unallocation_exceeds_allocated", "amount", () -> invoicing.unallocate(payment.id(),
                Unallocation.of(invoice.id(), pln("1000.01"), "too much", "clerk")));
        failsNaming("invoicing.currency_mismatch", "amount", () -> invoicing.unallocate(payment.id(),
                Unallocation.of(invoice.id(), eur("1.00"), "euro", "clerk")));
        failsNaming("invoicing.invalid_amount", "amount", () -> Unallocation.of(invoice.id(), pln("0.00"), "zero", "clerk"));
        failsNaming("request.invalid", "reason", () -> Unallocation.of(invoice.id(), pln("1.00"), " ", "clerk"));
        assertThat(invoicing.payment(payment.id())).isEqualTo(after);
        invoicing.unallocate(payment.id(), Unallocation.of(invoice.id(), pln("1000.00"), "all of it", "clerk"));
        assertThat(invoicing.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("1338.00"));
        invoicing.allocate(payment.id(), List.of(NewAllocation.of(invoice.id(), pln("1338.00"))));
        assertThat(invoicing.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(ledger.balance("2400").posted()).isEqualTo(pln("0.00"));
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("0.00"));
    }
}
