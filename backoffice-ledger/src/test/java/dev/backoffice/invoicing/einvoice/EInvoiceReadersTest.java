package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.CancelInvoice;
import dev.backoffice.invoicing.Fa3Writer;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceKind;
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
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.eur;
import static dev.backoffice.invoicing.InvoicingFixtures.gbp;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.einvoice.EInvoiceFixtures.UKBUY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** FA(3) and UBL documents read back to the values written; broken documents are typed errors naming the element. */
class EInvoiceReadersTest {

    private final AdjustableClock clock = EInvoiceFixtures.clock();
    private final TenantInvoicing invoicing = EInvoiceFixtures.invoicing(clock);
    private final Fa3Writer fa3 = Fa3Writer.builder().clock(clock).exemptionBasis(EInvoiceFixtures.PL_EXEMPT).build();
    private final UblWriter ubl = UblWriter.builder().exemptionReason(EInvoiceFixtures.UK_EXEMPT).build();

    private Invoice polish() {
        return invoicing.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Laptop", "2", eur("3000.00"), VatRate.PL_23).discount(new BigDecimal("5")))
                .line(InvoiceLine.of("Fuel", new BigDecimal("41.237"), "l", BigMoney.of(EUR, new BigDecimal("6.4590")), VatRate.PL_8))
                .line(line("Goods", "1", eur("100.00"), VatRate.PL_0))
                .line(line("Training", "1", eur("500.00"), VatRate.PL_EXEMPT))
                .saleDate(LocalDate.of(2026, 3, 12)).dueDate(LocalDate.of(2026, 4, 15)).build());
    }

    private Invoice british() {
        return invoicing.issue(NewInvoice.builder("FV", GBP).seller(BRITCO).buyer(UKBUY)
                .line(line("Consulting", "10", gbp("120.00"), VatRate.GB_20).discount(new BigDecimal("12.5")))
                .line(InvoiceLine.of("Books", new BigDecimal("7.5"), "KGM", BigMoney.of(GBP, new BigDecimal("3.3333")), VatRate.GB_0))
                .line(line("Course", "1", gbp("500.00"), VatRate.GB_EXEMPT))
                .saleDate(LocalDate.of(2026, 3, 12)).build());
    }

    @Test
    void an_fa3_invoice_and_its_credit_note_read_back_to_what_was_written() {
        Invoice invoice = polish();
        InvoiceDocument read = Fa3Reader.read(fa3.write(invoice));
        assertThat(read).isEqualTo(InvoiceDocument.of(invoice).fa3View());
        assertThat(read.gross()).isEqualTo(invoice.gross());
        assertThat(read.fxRate()).contains(new BigDecimal("4.27"));
        assertThat(read.lines().get(0).discountPercent()).isEqualByComparingTo("5");

        Invoice credit = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "Returned", "clerk"));
        InvoiceDocument readCredit = Fa3Reader.read(fa3.write(credit, invoice));
        assertThat(readCredit).isEqualTo(InvoiceDocument.of(credit, invoice).fa3View());
        assertThat(readCredit.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(readCredit.gross()).isEqualTo(invoice.gross().negated());
        assertThat(readCredit.linesBefore()).hasSize(4);
    }

    @Test
    void a_ubl_invoice_and_its_credit_note_read_back_to_what_was_written() {
        Invoice invoice = british();
        InvoiceDocument read = UblReader.read(ubl.write(invoice));
        assertThat(read).isEqualTo(InvoiceDocument.of(invoice).ublView());
        assertThat(read.lines()).isEqualTo(invoice.lines().stream().map(l -> l.unit().equals("szt.")
                ? new InvoiceLine(l.description(), l.quantity(), "C62", l.unitNetPrice(), l.discountPercent(), l.vatRate()) : l).toList());

        Invoice credit = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "Returned", "clerk"));
        InvoiceDocument readCredit = UblReader.read(ubl.write(credit, invoice));
        assertThat(readCredit).isEqualTo(InvoiceDocument.of(credit, invoice).ublView());
        assertThat(readCredit.totals()).isEqualTo(credit.totals());
        assertThat(readCredit.gross()).isEqualTo(invoice.gross().negated());
    }

    @Test
    void a_polish_ubl_invoice_in_euro_keeps_its_vat_in_zloty() {
        Invoice invoice = invoicing.issue(NewInvoice.builder("FV", EUR).seller(ACME).buyer(INITECH)
                .line(line("Goods", "4", eur("250.00"), VatRate.PL_23)).build());
        InvoiceDocument read = UblReader.read(ubl.write(invoice));
        assertThat(read).isEqualTo(InvoiceDocument.of(invoice).ublView());
        assertThat(read.vatLocal()).isEqualTo(invoice.totals().get(0).vatLocal());
    }

    @Test
    void broken_ubl_documents_are_typed_errors_naming_the_element() {
        String xml = ubl.write(british());
        assertError(() -> UblReader.read("<Invoice"), "invoicing.einvoice_malformed", "document");
        assertError(() -> UblReader.read("<Faktura xmlns=\"x\"/>"), "invoicing.einvoice_malformed", "Faktura");
        assertError(() -> UblReader.read(xml.replaceFirst("<cbc:IssueDate>[^<]*</cbc:IssueDate>", "")),
                "invoicing.einvoice_missing_element", "Invoice/cbc:IssueDate");
        assertError(() -> UblReader.read(xml.replaceFirst("<cbc:IssueDate>2026-03-16", "<cbc:IssueDate>16.03.2026")),
                "invoicing.einvoice_invalid_value", "Invoice/cbc:IssueDate");
        assertError(() -> UblReader.read(xml.replace("<cbc:PayableAmount currencyID=\"GBP\">", "<cbc:PayableAmount currencyID=\"GBP\">x")
                .replace("<cbc:TaxInclusiveAmount currencyID=\"GBP\">", "<cbc:TaxInclusiveAmount currencyID=\"GBP\">1.234")),
                "invoicing.einvoice_invalid_value", "Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount");
        assertError(() -> UblReader.read(xml.replaceFirst("<cbc:LineExtensionAmount currencyID=\"GBP\">1050.00", "<cbc:LineExtensionAmount currencyID=\"GBP\">1050.01")),
                "invoicing.einvoice_invalid_value", "Invoice/cac:InvoiceLine[1]/cbc:LineExtensionAmount");
        assertError(() -> UblReader.read(xml.replaceFirst("<cbc:EndpointID schemeID=\"9932\">GB999999973</cbc:EndpointID><cac:PostalAddress><cbc:StreetName>1 High Street, London</cbc:StreetName><cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>GB999999973",
                        "<cbc:EndpointID schemeID=\"9932\">GB999999973</cbc:EndpointID><cac:PostalAddress><cbc:StreetName>1 High Street, London</cbc:StreetName><cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>GB999999974")),
                "invoicing.einvoice_invalid_value", "Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[1]/cbc:CompanyID");
        assertError(() -> UblReader.read("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Invoice>&e;</Invoice>"),
                "invoicing.einvoice_malformed", "document");
    }

    @Test
    void broken_fa3_documents_are_typed_errors_naming_the_element() {
        String xml = fa3.write(invoicing.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX)
                .line(line("Laptop", "2", pln("3000.00"), VatRate.PL_23)).build()));
        assertError(() -> Fa3Reader.read(xml.replaceFirst("<P_15>[^<]*</P_15>", "")), "invoicing.einvoice_missing_element", "Faktura/Fa/P_15");
        assertError(() -> Fa3Reader.read(xml.replaceFirst("<P_12>23</P_12>", "<P_12>22</P_12>")), "invoicing.einvoice_invalid_value",
                "Faktura/Fa/FaWiersz[1]/P_12");
        assertError(() -> Fa3Reader.read(xml.replaceFirst("<P_11>6000.00</P_11>", "<P_11>6000.10</P_11>")), "invoicing.einvoice_invalid_value",
                "Faktura/Fa/FaWiersz[1]/P_11");
        assertError(() -> Fa3Reader.read(xml.replaceFirst("<NIP>5260250274</NIP>", "<NIP>5260250275</NIP>")), "invoicing.einvoice_invalid_value",
                "Faktura/Podmiot1/DaneIdentyfikacyjne/NIP");
        assertError(() -> Fa3Reader.read(ubl.write(british())), "invoicing.einvoice_malformed", "Invoice");
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code, String field) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call);
        assertThat(e).as(field).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.violations().get(0).field()).as(e.getMessage()).isEqualTo(field);
    }
}
