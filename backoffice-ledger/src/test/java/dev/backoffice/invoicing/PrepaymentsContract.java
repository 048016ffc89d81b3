package dev.backoffice.invoicing;

import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.einvoice.Fa3Reader;
import dev.backoffice.invoicing.einvoice.InvoiceDocument;
import dev.backoffice.ledger.JournalEntry;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.backoffice.invoicing.ApFixtures.GLOBEX_KEY;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Proformas, advance invoices with their final invoice, and the split-payment marking, on every
 * store kind (issue #16): numbers, postings, the VAT register, the FA(3) documents and bad input.
 */
public abstract class PrepaymentsContract extends ApContractBase {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    protected PrepaymentsContract(StoreKind kind) {
        super(kind);
    }

    @BeforeEach
    void series() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("FZ", "FZ/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    /** 1000.00 at 23 % and 100.00 at 8 %: net 1100.00, VAT 238.00, gross 1338.00. */
    private NewInvoice.Builder order(String series) {
        return NewInvoice.builder(series, PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16)
                .line(line("Steel rods", "10", pln("100.00"), VatRate.PL_23))
                .line(line("Books", "1", pln("100.00"), VatRate.PL_8));
    }

    private Money movement(String code) {
        return ledger.balance(code).posted();
    }

    // ------------------------------------------------------------------ proformas

    @Test
    void a_proforma_takes_no_number_posts_nothing_is_not_in_the_vat_register_and_has_no_fa3_document() {
        Invoice proforma = invoicing.proforma(order("FV").build());
        assertThat(proforma.kind()).isEqualTo(InvoiceKind.PROFORMA);
        assertThat(proforma.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(proforma.number()).isEmpty();
        assertThat(proforma.ledgerEntry()).isEmpty();
        assertThat(proforma.gross()).isEqualTo(pln("1338.00"));
        assertThat(invoicing.invoice(proforma.id())).isEqualTo(proforma);
        assertThat(movement("1100")).isEqualTo(pln("0.00"));
        assertThat(invoicing.vatRegister(MARCH_1, MARCH_31).rows()).isEmpty();
        assertThat(invoicing.aging(MARCH_31).rows()).isEmpty();
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026))).count()).isZero();
        failsNaming("request.invalid", "invoice", () -> Fa3Writer.builder().build().write(proforma));
        // issuing it as if it were a draft is refused: a proforma is converted
        failsNaming("invoicing.not_a_proforma", "id", () -> invoicing.issue(proforma.id()));
        // a retry with its id answers it
        assertThat(invoicing.proforma(order("FV").id(proforma.id()).build())).isEqualTo(proforma);
    }

    @Test
    void a_proforma_is_converted_once_into_an_issued_invoice_and_a_second_conversion_consumes_no_number() {
        Invoice proforma = invoicing.proforma(order("FV").build());
        InvoiceId invoiceId = InvoiceId.newId();
        Invoice invoice = invoicing.convertProforma(proforma.id(), ConvertProforma.of("clerk").withInvoiceId(invoiceId));
        assertThat(invoice.id()).isEqualTo(invoiceId);
        assertThat(invoice.kind()).isEqualTo(InvoiceKind.INVOICE);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.number()).contains("FV/2026/1");
        assertThat(invoice.lines()).isEqualTo(proforma.lines());
        assertThat(invoice.gross()).isEqualTo(pln("1338.00"));
        assertThat(invoice.details().fromProforma()).contains(proforma.id());
        assertThat(movement("1100")).isEqualTo(pln("1338.00"));
        Invoice converted = invoicing.invoice(proforma.id());
        assertThat(converted.status()).isEqualTo(InvoiceStatus.CONVERTED);
        assertThat(converted.details().convertedTo()).contains(invoiceId);
        assertThat(converted.number()).isEmpty();
        // a retry answers the invoice; another conversion is refused and takes no number
        assertThat(invoicing.convertProforma(proforma.id(), ConvertProforma.of("clerk").withInvoiceId(invoiceId))).isEqualTo(invoice);
        failsNaming("invoicing.not_a_proforma", "proforma", () -> invoicing.convertProforma(proforma.id(), ConvertProforma.of("clerk")));
        failsNaming("invoicing.not_a_proforma", "proforma", () -> invoicing.convertProforma(invoiceId, ConvertProforma.of("clerk")));
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026)));
        assertThat(audit.count()).isEqualTo(1);
        assertThat(audit.gapFree()).isTrue();
        assertThat(invoicing.vatRegister(MARCH_1, MARCH_31).vat(VatRegister.Side.SALES, PLN)).isEqualTo(pln("238.00"));
    }

    // ------------------------------------------------------------------ advance and final invoices

    @Test
    void an_advance_invoice_charges_the_vat_in_the_amount_received_split_over_the_orders_rates_and_posts_no_revenue() {
        Invoice advance = invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").build(), pln("669.00"), MARCH_16.minusDays(2)));
        assertThat(advance.isAdvance()).isTrue();
        assertThat(advance.number()).contains("FZ/2026/1");
        assertThat(advance.saleDate()).contains(MARCH_16.minusDays(2));
        assertThat(advance.lines()).hasSize(2);
        // half the order's 1338.00: 615.00 of the 23 % part (VAT 615 x 23/123), 54.00 of the 8 % part (VAT 54 x 8/108)
        assertThat(advance.totals()).extracting(VatTotal::rate, VatTotal::net, VatTotal::vat, VatTotal::gross).containsExactly(
                tuple(VatRate.PL_23, pln("500.00"), pln("115.00"), pln("615.00")),
                tuple(VatRate.PL_8, pln("50.00"), pln("4.00"), pln("54.00")));
        assertThat(advance.gross()).isEqualTo(pln("669.00"));
        assertThat(movement("1100")).isEqualTo(pln("669.00"));
        assertThat(movement("2450")).isEqualTo(pln("550.00"));
        assertThat(movement("2200")).isEqualTo(pln("119.00"));
        assertThat(movement("4100")).isEqualTo(pln("0.00"));
        assertThat(Fa3Writer.validate(Fa3Writer.builder().build().write(advance))).isEmpty();
        assertThat(Fa3Writer.builder().build().write(advance)).contains("<RodzajFaktury>ZAL</RodzajFaktury>")
                .contains("<P_6>2026-03-14</P_6>").contains("<WartoscZamowienia>1338.00</WartoscZamowienia>").doesNotContain("<FaWiersz>");
        InvoiceDocument read = Fa3Reader.read(Fa3Writer.builder().build().write(advance));
        assertThat(read).isEqualTo(InvoiceDocument.of(advance).fa3View());
        assertThat(read.advance()).contains(new AdvanceReceipt(pln("669.00"), MARCH_16.minusDays(2)));
        // a retry with its id answers it
        assertThat(invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").id(advance.id()).build(), pln("669.00"),
                MARCH_16.minusDays(2)))).isEqualTo(advance);
    }

    @Test
    void the_final_invoice_deducts_the_advances_posts_the_remainder_and_moves_the_whole_net_to_revenue() {
        Invoice advance = invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").build(), pln("669.00"), MARCH_16));
        invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, pln("669.00"), MARCH_16, "advance").allocate(advance.id(), pln("669.00")));
        Invoice fin = invoicing.issueFinal(NewFinalInvoice.of(order("FV").build(), List.of(advance.id())));
        assertThat(fin.isFinal()).isTrue();
        assertThat(fin.number()).contains("FV/2026/1");
        assertThat(fin.lines()).hasSize(2);
        assertThat(fin.totals()).extracting(VatTotal::rate, VatTotal::net, VatTotal::vat).containsExactly(
                tuple(VatRate.PL_23, pln("500.00"), pln("115.00")), tuple(VatRate.PL_8, pln("50.00"), pln("4.00")));
        assertThat(fin.gross()).isEqualTo(pln("669.00"));
        assertThat(fin.details().deductions()).extracting(AdvanceDeduction::number).containsExactly("FZ/2026/1");
        assertThat(invoicing.invoice(advance.id()).details().settledBy()).contains(fin.id());
        JournalEntry entry = ledger.entry(fin.ledgerEntry().orElseThrow());
        assertThat(entry.effectiveDate()).isEqualTo(MARCH_16);
        assertThat(movement("1100")).isEqualTo(pln("669.00"));   // only the remainder is left to collect
        assertThat(movement("2450")).isEqualTo(pln("0.00"));     // the advances are used up
        assertThat(movement("4100")).isEqualTo(pln("1100.00"));  // the whole order's net is revenue
        assertThat(movement("2200")).isEqualTo(pln("238.00"));   // the whole order's VAT, once
        VatRegister march = invoicing.vatRegister(MARCH_1, MARCH_31);
        assertThat(march.vat(VatRegister.Side.SALES, PLN)).isEqualTo(pln("238.00")).isEqualTo(movement("2200"));
        String xml = Fa3Writer.builder().build().write(fin);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(xml).contains("<RodzajFaktury>ROZ</RodzajFaktury>").contains("<NrFaZaliczkowej>FZ/2026/1</NrFaZaliczkowej>")
                .contains("<P_15>669.00</P_15>");
        assertThat(Fa3Reader.read(xml)).isEqualTo(InvoiceDocument.of(fin).fa3View());
        assertThat(Fa3Reader.read(xml).advanceNumbers()).containsExactly("FZ/2026/1");
        // the same advance cannot be deducted twice: nothing written, no number consumed
        failsNaming("invoicing.advance_not_deductible", "advances[0]",
                () -> invoicing.issueFinal(NewFinalInvoice.of(order("FV").build(), List.of(advance.id()))));
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026))).count()).isEqualTo(1);
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026))).gapFree()).isTrue();
        // their corrections (KOR_ZAL, KOR_ROZ) are not issued yet: refused, nothing written
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        failsNaming("invoicing.illegal_transition", "invoice", () -> invoicing.cancel(fin.id(), CancelInvoice.of("KOR", "x", "clerk")));
        failsNaming("invoicing.illegal_transition", "invoice", () -> invoicing.correct(advance.id(),
                CorrectInvoice.of("KOR", List.of(advance.lines().get(0).withQuantity(java.math.BigDecimal.ONE), advance.lines().get(1)),
                        "x", "clerk")));
        assertThat(invoicing.gapAudit("KOR", NumberingPeriod.year(java.time.Year.of(2026))).count()).isZero();
    }

    @Test
    void a_final_invoice_prepaid_in_full_is_paid_on_issue_and_still_moves_the_advances_to_revenue() {
        Invoice advance = invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").build(), pln("1338.00"), MARCH_16));
        Invoice fin = invoicing.issueFinal(NewFinalInvoice.of(order("FV").build(), List.of(advance.id())));
        assertThat(fin.gross()).isEqualTo(pln("0.00"));
        assertThat(fin.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(movement("2450")).isEqualTo(pln("0.00"));
        assertThat(movement("4100")).isEqualTo(pln("1100.00"));
        assertThat(movement("2200")).isEqualTo(pln("238.00"));
        assertThat(Fa3Writer.validate(Fa3Writer.builder().build().write(fin))).isEmpty();
    }

    @Test
    void bad_advances_are_refused_naming_the_field_with_nothing_written_and_no_number_consumed() {
        failsNaming("invoicing.advance_exceeds_order", "received",
                () -> invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").build(), pln("1338.01"), MARCH_16)));
        failsNaming("invoicing.currency_mismatch", "received", () -> NewAdvanceInvoice.of(order("FZ").build(), eur("10.00"), MARCH_16));
        failsNaming("invoicing.invalid_amount", "received", () -> NewAdvanceInvoice.of(order("FZ").build(), pln("0.00"), MARCH_16));
        Invoice plain = invoicing.issue(order("FV").build());
        failsNaming("invoicing.advance_not_deductible", "advances[0]",
                () -> invoicing.issueFinal(NewFinalInvoice.of(order("FV").build(), List.of(plain.id()))));
        Invoice big = invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").build(), pln("1000.00"), MARCH_16));
        Invoice more = invoicing.issueAdvance(NewAdvanceInvoice.of(order("FZ").build(), pln("1000.00"), MARCH_16));
        failsNaming("invoicing.advance_not_deductible", "advances",
                () -> invoicing.issueFinal(NewFinalInvoice.of(order("FV").build(), List.of(big.id(), more.id()))));
        failsNaming("invoicing.invoice_not_found", "advances[0]",
                () -> invoicing.issueFinal(NewFinalInvoice.of(order("FV").build(), List.of(InvoiceId.newId()))));
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026))).count()).isEqualTo(1);
        assertThat(invoicing.gapAudit("FZ", NumberingPeriod.year(java.time.Year.of(2026))).count()).isEqualTo(2);
        assertThat(invoicing.invoice(big.id()).details().settledBy()).isEmpty();
    }

    // ------------------------------------------------------------------ split payment

    private NewInvoice.Builder steel(String unitPrice, boolean annex15) {
        InvoiceLine rods = line("Steel rods", "1", pln(unitPrice), VatRate.PL_23);
        return NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).line(annex15 ? rods.withAnnex15() : rods);
    }

    @Test
    void split_payment_is_marked_above_pln_15000_gross_with_an_annex_15_line_to_a_business_and_never_otherwise() {
        Invoice over = invoicing.issue(steel("12195.13", true).build());       // gross 15000.01
        Invoice atThreshold = invoicing.issue(steel("12195.12", true).build()); // gross 15000.00: not more than 15,000
        Invoice notListed = invoicing.issue(steel("20000.00", false).build());
        Invoice consumer = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME)
                .buyer(Party.withoutTaxId("Jan Kowalski", "PL", "ul. Dluga 3, Gdansk")).issueDate(MARCH_16)
                .line(line("Steel rods", "1", pln("20000.00"), VatRate.PL_23).withAnnex15()).build());
        assertThat(over.gross()).isEqualTo(pln("15000.01"));
        assertThat(over.splitPayment()).isTrue();
        assertThat(invoicing.invoice(over.id()).lines().get(0).annex15()).isTrue(); // stored and read back
        assertThat(invoicing.invoice(over.id()).splitPayment()).isTrue();
        assertThat(atThreshold.splitPayment()).isFalse();
        assertThat(notListed.splitPayment()).isFalse();
        assertThat(consumer.splitPayment()).isFalse();
        String xml = Fa3Writer.builder().build().write(over);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(xml).contains("<P_18A>1</P_18A>").contains("<P_12_Zal_15>1</P_12_Zal_15>");
        assertThat(Fa3Reader.read(xml)).isEqualTo(InvoiceDocument.of(over).fa3View());
        assertThat(Fa3Reader.read(xml).splitPayment()).isTrue();
        assertThat(Fa3Reader.read(xml).lines().get(0).annex15()).isTrue();
        assertThat(Fa3Writer.builder().build().write(atThreshold)).contains("<P_18A>2</P_18A>");
    }

    @Test
    void split_payment_of_a_foreign_currency_invoice_compares_its_zloty_equivalent_at_the_tax_point_rate() {
        TenantInvoicing books = invoicing(FixedFxRates.builder().rate(EUR, PLN, MARCH_16.minusDays(1), "4.2000", "052/A/NBP/2026").build())
                .forTenant(tenant);
        InvoiceLine rods = InvoiceLine.of("Steel rods", java.math.BigDecimal.ONE, "szt.", eur("3000.00"), VatRate.PL_23).withAnnex15();
        Invoice over = books.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).line(rods).build());
        // EUR 3690.00 x 4.2000 = PLN 15498.00: above the threshold though EUR 3690 is not
        assertThat(over.splitPayment()).isTrue();
        InvoiceLine less = InvoiceLine.of("Steel rods", java.math.BigDecimal.ONE, "szt.", eur("2900.00"), VatRate.PL_23).withAnnex15();
        Invoice under = books.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(GLOBEX).issueDate(MARCH_16).line(less).build());
        // EUR 3567.00 x 4.2000 = PLN 14981.40
        assertThat(under.splitPayment()).isFalse();
        String xml = Fa3Writer.builder().build().write(over);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(Fa3Reader.read(xml)).isEqualTo(InvoiceDocument.of(over).fa3View());
    }

    @Test
    void an_advance_towards_an_order_above_the_threshold_is_marked_though_the_advance_is_smaller() {
        Invoice advance = invoicing.issueAdvance(NewAdvanceInvoice.of(steel("20000.00", true).build(), pln("1230.00"), MARCH_16));
        assertThat(advance.gross()).isEqualTo(pln("1230.00"));
        assertThat(advance.splitPayment()).isTrue();
        String xml = Fa3Writer.builder().build().write(advance);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(xml).contains("<P_18A>1</P_18A>").contains("<P_12Z_Zal_15>1</P_12Z_Zal_15>");
        assertThat(Fa3Reader.read(xml)).isEqualTo(InvoiceDocument.of(advance).fa3View());
    }
}
