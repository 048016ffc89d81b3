package dev.backoffice.invoicing;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.joda.money.BigMoney;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.BRITCO;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.JANE;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.gbp;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** FA(3) documents of issued invoices and credit notes, each validated against the official schema. */
class Fa3WriterTest {

    private static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
    private final Fa3Writer fa3 = Fa3Writer.builder().clock(clock).systemInfo("Back Office SDK tests")
            .exemptionBasis("art. 43 ust. 1 pkt 29 lit. b ustawy").build();
    private TenantInvoicing invoicing;

    @BeforeEach
    void books() {
        FxRates rates = FixedFxRates.builder().rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026").build();
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        TenantId tenant = TenantId.of("fa3");
        ledger.forTenant(tenant).openAll(InvoicingFixtures.chart());
        invoicing = Invoicing.builder().store(InMemoryInvoiceStore.create()).ledger(ledger, ACCOUNTS).fxRates(rates).clock(clock)
                .build().forTenant(tenant);
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    private static String at(String xml, String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return XPathFactory.newInstance().newXPath().evaluate(path, d);
    }

    @Test
    void a_domestic_invoice_with_every_polish_rate_is_valid_fa3() throws Exception {
        Invoice invoice = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Laptop", "2", pln("3000.00"), VatRate.PL_23).discount(new BigDecimal("5")))
                .line(line("Catering", "1", pln("200.00"), VatRate.PL_8))
                .line(InvoiceLine.of("Fuel", new BigDecimal("41.237"), "l", BigMoney.of(PLN, new BigDecimal("6.4590")), VatRate.PL_5))
                .line(line("Export goods", "1", pln("100.00"), VatRate.PL_0))
                .line(line("Training", "1", pln("500.00"), VatRate.PL_EXEMPT))
                .line(line("Service abroad", "1", pln("50.00"), VatRate.PL_NOT_SUBJECT))
                .saleDate(LocalDate.of(2026, 3, 12))
                .build());
        String xml = fa3.write(invoice);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(at(xml, "/*[local-name()='Faktura']/*[local-name()='Fa']/*[local-name()='P_2']")).isEqualTo("FV/2026/03/1");
        assertThat(at(xml, "//*[local-name()='P_15']")).isEqualTo(invoice.gross().getAmount().toPlainString());
        assertThat(at(xml, "//*[local-name()='P_13_1']")).isEqualTo("5700.00");
        assertThat(at(xml, "//*[local-name()='P_14_1']")).isEqualTo("1311.00");
        assertThat(at(xml, "//*[local-name()='P_6']")).isEqualTo("2026-03-12");
        assertThat(at(xml, "//*[local-name()='P_19']")).isEqualTo("1");
        assertThat(at(xml, "//*[local-name()='Podmiot2']//*[local-name()='NIP']")).isEqualTo("7680002466");
        assertThat(at(xml, "count(//*[local-name()='FaWiersz'])")).isEqualTo("6");
        assertThat(at(xml, "//*[local-name()='Termin']")).isEqualTo(invoice.dueDate().orElseThrow().toString());
    }

    @Test
    void a_euro_invoice_to_an_eu_buyer_shows_vat_in_zloty_and_the_rate_per_line() throws Exception {
        Invoice invoice = invoicing.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Consulting", "8", eur("125.00"), VatRate.PL_23)).saleDate(MARCH_16).build());
        String xml = fa3.write(invoice);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(at(xml, "//*[local-name()='KodWaluty']")).isEqualTo("EUR");
        assertThat(at(xml, "//*[local-name()='P_14_1W']")).isEqualTo("984.79");
        assertThat(at(xml, "//*[local-name()='KodUE']")).isEqualTo("DE");
        assertThat(at(xml, "//*[local-name()='NrVatUE']")).isEqualTo("123456789");
        assertThat(at(xml, "//*[local-name()='KursWaluty']")).isEqualTo("4.2817");
    }

    @Test
    void reverse_charge_and_a_consumer_buyer_are_marked() throws Exception {
        Invoice reverse = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Scrap", "10", pln("12.00"), VatRate.PL_REVERSE_CHARGE)).build());
        String xml = fa3.write(reverse);
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(at(xml, "//*[local-name()='P_18']")).isEqualTo("1");
        assertThat(at(xml, "//*[local-name()='P_13_10']")).isEqualTo("120.00");

        Invoice consumer = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME)
                .buyer(Party.withoutTaxId("Jan Kowalski", "PL", "ul. Polna 3, 90-001 Lodz"))
                .line(line("Book", "1", pln("40.00"), VatRate.PL_5)).build());
        String consumerXml = fa3.write(consumer);
        assertThat(Fa3Writer.validate(consumerXml)).isEmpty();
        assertThat(at(consumerXml, "//*[local-name()='BrakID']")).isEqualTo("1");
    }

    @Test
    void a_credit_note_is_a_kor_document_with_the_lines_before_and_after() throws Exception {
        Invoice invoice = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Laptop", "2", pln("3000.00"), VatRate.PL_23))
                .line(line("Book", "3", pln("40.00"), VatRate.PL_5)).build());
        Invoice creditNote = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "zwrot towaru", "alice"));
        String xml = fa3.write(creditNote, invoicing.invoice(invoice.id()));
        assertThat(Fa3Writer.validate(xml)).isEmpty();
        assertThat(at(xml, "//*[local-name()='RodzajFaktury']")).isEqualTo("KOR");
        assertThat(at(xml, "//*[local-name()='NrFaKorygowanej']")).isEqualTo("FV/2026/03/1");
        assertThat(at(xml, "//*[local-name()='P_15']")).isEqualTo("-7506.00");
        assertThat(at(xml, "count(//*[local-name()='StanPrzed'])")).isEqualTo("2");
        assertThat(at(xml, "count(//*[local-name()='FaWiersz'])")).isEqualTo("4");
    }

    @Test
    void the_validator_finds_what_breaks_the_schema() {
        Invoice invoice = invoicing.issue(InvoicingFixtures.sale("FV", "100.00").build());
        String broken = fa3.write(invoice).replace("<P_15>123.00</P_15>", "<P_15>12,3</P_15>");
        assertThat(Fa3Writer.validate(broken)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("P_15").startsWith("error"));
    }

    @Test
    void the_large_bounds_of_the_schema_are_counted() {
        Invoice invoice = invoicing.issue(InvoicingFixtures.sale("FV", "100.00").build());
        String xml = fa3.write(invoice);
        String number = "<P_2>" + invoice.number().orElseThrow() + "</P_2>";
        assertThat(Fa3Writer.validate(xml.replace(number, number + "<WZ>WZ/1</WZ>".repeat(1000)))).isEmpty();
        assertThat(Fa3Writer.validate(xml.replace(number, number + "<WZ>WZ/1</WZ>".repeat(1001))))
                .singleElement().satisfies(p -> assertThat(p).startsWith("error").contains("more than 1000 'WZ' in 'Fa'"));
    }

    @Test
    void drafts_foreign_sellers_and_exempt_lines_without_a_basis_are_refused() {
        Invoice draft = invoicing.draft(InvoicingFixtures.sale("FV", "10.00").build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> fa3.write(draft)).violations().get(0).field())
                .isEqualTo("invoice");
        invoicing.defineSeries(Series.of("UK", "UK/{seq}", NumberReset.NEVER), "owner");
        Invoice uk = invoicing.issue(NewInvoice.builder("UK", InvoicingFixtures.GBP).seller(BRITCO).buyer(JANE)
                .line(line("Widget", "1", gbp("10.00"), VatRate.GB_20)).build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> fa3.write(uk)).getMessage()).contains("Polish");
        Invoice exempt = invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Training", "1", pln("500.00"), VatRate.PL_EXEMPT)).build());
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> Fa3Writer.builder().build().write(exempt)).getMessage())
                .contains("exemptionBasis");
    }
}
