package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.CancelInvoice;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
import org.joda.money.BigMoney;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.BRITCO;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GBP;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.JANE;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.gbp;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.einvoice.EInvoiceFixtures.UKBUY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Peppol BIS Billing 3.0 documents of issued invoices and credit notes: each passes the official
 * Peppol (with CEN EN 16931) and EN 16931 UBL rule sets through phive with zero errors; warnings
 * are printed.
 */
class UblWriterTest {

    private final AdjustableClock clock = EInvoiceFixtures.clock();
    private final TenantInvoicing invoicing = EInvoiceFixtures.invoicing(clock);
    private final UblWriter ubl = UblWriter.builder().exemptionReason(EInvoiceFixtures.UK_EXEMPT)
            .payeeAccount("GB33BUKB20201555555555").build();

    static void assertValid(String what, String xml) {
        PeppolRules.Result peppol = PeppolRules.peppol(xml);
        PeppolRules.Result en = PeppolRules.en16931(xml);
        peppol.warnings().forEach(w -> System.out.println("Peppol warning (" + what + "): " + w));
        en.warnings().forEach(w -> System.out.println("EN 16931 warning (" + what + "): " + w));
        assertThat(peppol.errors()).as(what + " under Peppol BIS 3.0\n" + xml).isEmpty();
        assertThat(en.errors()).as(what + " under EN 16931\n" + xml).isEmpty();
    }

    private Invoice uk(NewInvoice.Builder b) {
        return invoicing.issue(b.seller(BRITCO).buyer(UKBUY).saleDate(LocalDate.of(2026, 3, 12)).dueDate(LocalDate.of(2026, 4, 15))
                .build());
    }

    @Test
    void a_uk_invoice_with_every_uk_rate_passes_peppol_and_en16931() {
        Invoice invoice = uk(NewInvoice.builder("FV", GBP)
                .line(line("Consulting", "10", gbp("120.00"), VatRate.GB_20).discount(new BigDecimal("12.5")))
                .line(line("Domestic fuel", "3", gbp("40.00"), VatRate.GB_5))
                .line(InvoiceLine.of("Books", new BigDecimal("7.5"), "KGM", BigMoney.of(GBP, new BigDecimal("3.3333")), VatRate.GB_0))
                .line(line("Course", "1", gbp("500.00"), VatRate.GB_EXEMPT)));
        String xml = ubl.write(invoice);
        assertValid("UK invoice", xml);
        assertThat(xml).contains("<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>")
                .contains("<cbc:EndpointID schemeID=\"9932\">GB999999973</cbc:EndpointID>")
                .contains("<cbc:DueDate>2026-04-15</cbc:DueDate>")
                .contains("<cbc:PayableAmount currencyID=\"GBP\">" + invoice.gross().getAmount() + "</cbc:PayableAmount>");
        assertThat(ubl.write(invoice)).as("deterministic").isEqualTo(xml);
    }

    @Test
    void a_uk_credit_note_references_the_invoice_and_passes() {
        Invoice invoice = uk(NewInvoice.builder("FV", GBP)
                .line(line("Consulting", "10", gbp("120.00"), VatRate.GB_20))
                .line(line("Course", "1", gbp("500.00"), VatRate.GB_EXEMPT)));
        Invoice credit = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "Ordered twice", "clerk"));
        String xml = ubl.write(credit, invoice);
        assertValid("UK credit note", xml);
        assertThat(xml).contains("<CreditNote").contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .contains("<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>" + invoice.number().orElseThrow())
                .contains("<cbc:PayableAmount currencyID=\"GBP\">" + invoice.gross().getAmount() + "</cbc:PayableAmount>");
    }

    @Test
    void a_partial_credit_note_credits_the_line_before_and_charges_the_line_after_again() {
        Invoice invoice = uk(NewInvoice.builder("FV", GBP)
                .line(line("Consulting", "10", gbp("120.00"), VatRate.GB_20).discount(new BigDecimal("12.5")))
                .line(line("Books", "4", gbp("12.99"), VatRate.GB_0))
                .line(line("Course", "1", gbp("500.00"), VatRate.GB_EXEMPT)));
        Invoice full = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "Partly returned", "clerk"));
        // What a partial correction looks like (today the SDK issues only full cancellations): 3 of the
        // 10 hours taken back, the books unchanged, the course taken back in full.
        java.util.List<InvoiceLine> after = java.util.List.of(invoice.lines().get(0).withQuantity(new BigDecimal("7")),
                invoice.lines().get(1), invoice.lines().get(2).withQuantity(BigDecimal.ZERO));
        java.util.List<dev.backoffice.invoicing.VatTotal> totals = dev.backoffice.invoicing.internal.VatMath.correction(
                invoice.lines(), after, GBP);
        org.joda.money.Money net = dev.backoffice.invoicing.internal.VatMath.sum(totals, GBP, dev.backoffice.invoicing.VatTotal::net);
        org.joda.money.Money vat = dev.backoffice.invoicing.internal.VatMath.sum(totals, GBP, dev.backoffice.invoicing.VatTotal::vat);
        Invoice partial = new Invoice(full.id(), full.version(), full.kind(), full.status(), full.series(), full.number(), full.period(),
                full.sequence(), full.customer(), full.seller(), full.buyer(), GBP, after, invoice.lines(), totals, net, vat,
                net.plus(vat), full.fxRate(), full.issueDate(), full.saleDate(), full.dueDate(), full.paymentDays(), full.paid(),
                full.corrects(), full.cancelledBy(), full.reason(), full.ledgerEntry(), full.createdAt());
        String xml = ubl.write(partial, invoice);
        assertValid("UK partial credit note", xml);
        InvoiceDocument read = UblReader.read(xml);
        assertThat(read).isEqualTo(InvoiceDocument.of(partial, invoice).ublView());
        assertThat(read.lines()).extracting(InvoiceLine::quantity).containsExactly(new BigDecimal("10"), new BigDecimal("-7"),
                new BigDecimal("1"));
        assertThat(read.gross()).isEqualTo(partial.gross());
    }

    @Test
    void a_uk_zero_rated_sale_to_an_eu_business_is_an_export() {
        Invoice invoice = invoicing.issue(NewInvoice.builder("FV", EUR).seller(BRITCO).buyer(INITECH)
                .line(line("Machine", "1", eur("1000.00"), VatRate.GB_0)).build());
        String xml = ubl.write(invoice);
        assertValid("UK export", xml);
        assertThat(xml).contains("<cbc:ID>G</cbc:ID>").contains("VATEX-EU-G");
    }

    @Test
    void polish_categories_s_z_e_k_ae_and_o_pass() {
        Invoice domestic = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Laptop", "2", pln("3000.00"), VatRate.PL_23).discount(new BigDecimal("5")))
                .line(line("Catering", "1", pln("200.00"), VatRate.PL_8))
                .line(line("Books", "1", pln("100.00"), VatRate.PL_5))
                .line(line("Zero", "1", pln("100.00"), VatRate.PL_0))
                .line(line("Training", "1", pln("500.00"), VatRate.PL_EXEMPT)).build());
        UblWriter pl = UblWriter.builder().exemptionReason(EInvoiceFixtures.PL_EXEMPT).build();
        assertValid("PL domestic", pl.write(domestic));

        Invoice euro = invoicing.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Goods", "4", eur("250.00"), VatRate.PL_0))
                .line(line("Assembly", "1", eur("300.00"), VatRate.PL_REVERSE_CHARGE))
                .saleDate(LocalDate.of(2026, 3, 14)).build());
        String xml = pl.write(euro);
        assertValid("PL intra-community", xml);
        assertThat(xml).contains("<cbc:ID>K</cbc:ID>").contains("<cbc:ID>AE</cbc:ID>").contains("<cbc:TaxCurrencyCode>PLN</cbc:TaxCurrencyCode>");

        Invoice outOfScope = invoicing.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Service abroad", "1", eur("80.00"), VatRate.PL_NOT_SUBJECT)).build());
        String o = pl.write(outOfScope);
        assertValid("PL out of scope", o);
        assertThat(o).doesNotContain("PartyTaxScheme");
    }

    @Test
    void the_rules_run_a_document_with_a_wrong_total_fails_them() {
        Invoice invoice = uk(NewInvoice.builder("FV", GBP).line(line("Consulting", "10", gbp("120.00"), VatRate.GB_20)));
        String xml = ubl.write(invoice).replace("<cbc:PayableAmount currencyID=\"GBP\">1440.00<", "<cbc:PayableAmount currencyID=\"GBP\">1441.00<");
        assertThat(PeppolRules.peppol(xml).errors()).anyMatch(e -> e.contains("BR-CO-16"));
        assertThat(PeppolRules.en16931(xml).errors()).anyMatch(e -> e.contains("BR-CO-16"));
    }

    @Test
    void what_en16931_cannot_express_is_refused_naming_the_field() {
        Invoice consumer = invoicing.issue(NewInvoice.builder("FV", GBP).seller(BRITCO).buyer(JANE)
                .line(line("Tea", "1", gbp("3.00"), VatRate.GB_20)).build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ubl.write(consumer)))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("invoicing.einvoice_not_writable");
                    assertThat(e.violations().get(0).field()).isEqualTo("buyer.taxId");
                });
        Invoice odd = uk(NewInvoice.builder("FV", GBP)
                .line(InvoiceLine.of("Barrel", BigDecimal.ONE, "hogshead", gbp("3.00"), VatRate.GB_20)));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ubl.write(odd)).violations().get(0).field())
                .isEqualTo("lines[0].unit");
        Invoice exempt = uk(NewInvoice.builder("FV", GBP).line(line("Course", "1", gbp("500.00"), VatRate.GB_EXEMPT)));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> UblWriter.builder().build().write(exempt))
                .violations().get(0).field()).isEqualTo("exemptionReason");
        Invoice mixed = invoicing.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Service abroad", "1", eur("80.00"), VatRate.PL_NOT_SUBJECT))
                .line(line("Goods", "1", eur("80.00"), VatRate.PL_0)).build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ubl.write(mixed)).violations().get(0).field())
                .isEqualTo("lines");
        Invoice draft = invoicing.draft(NewInvoice.builder("FV", GBP).seller(BRITCO).buyer(UKBUY)
                .line(line("Tea", "1", gbp("3.00"), VatRate.GB_20)).build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> ubl.write(draft)).violations().get(0).field())
                .isEqualTo("invoice");
    }
}
