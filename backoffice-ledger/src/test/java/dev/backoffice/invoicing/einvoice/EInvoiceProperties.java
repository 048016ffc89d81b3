package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.CancelInvoice;
import dev.backoffice.invoicing.Fa3Writer;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.joda.money.BigMoney;
import org.joda.money.CurrencyUnit;

import java.math.BigDecimal;
import java.util.List;

import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.BRITCO;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GBP;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.einvoice.EInvoiceFixtures.UKBUY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16 item 7: random invoices and their cancelling credit notes are written, validated and
 * read back to the same values. Polish seller: FA(3), valid against the official schema. UK
 * seller, and a Polish seller selling to businesses: Peppol UBL, zero errors under the Peppol BIS
 * 3.0 and EN 16931 Schematron rules (phive). Quantities and prices at their full precision
 * (6 and 8 decimals), discounts, every rate of the country, domestic, EU and export buyers.
 */
class EInvoiceProperties {

    private static final List<VatRate> PL = List.of(VatRate.PL_23, VatRate.PL_8, VatRate.PL_5, VatRate.PL_0, VatRate.PL_EXEMPT,
            VatRate.PL_NOT_SUBJECT, VatRate.PL_REVERSE_CHARGE);
    /** Without np: EN 16931 allows no other category beside O (BR-O-11). */
    private static final List<VatRate> PL_UBL = List.of(VatRate.PL_23, VatRate.PL_8, VatRate.PL_5, VatRate.PL_0, VatRate.PL_EXEMPT,
            VatRate.PL_REVERSE_CHARGE);
    private static final List<VatRate> GB = List.of(VatRate.GB_20, VatRate.GB_5, VatRate.GB_0, VatRate.GB_EXEMPT);

    /** A line before its currency is known. */
    record Spec(String name, BigDecimal quantity, String unit, BigDecimal price, BigDecimal discount, VatRate rate) {
        InvoiceLine in(CurrencyUnit currency) {
            return new InvoiceLine(name, quantity, unit, BigMoney.of(currency, price), discount, rate);
        }
    }

    private final AdjustableClock clock = EInvoiceFixtures.clock();
    private final TenantInvoicing invoicing = EInvoiceFixtures.invoicing(clock);
    private final Fa3Writer fa3 = Fa3Writer.builder().clock(clock).exemptionBasis(EInvoiceFixtures.PL_EXEMPT).build();
    private final UblWriter ublUk = UblWriter.builder().exemptionReason(EInvoiceFixtures.UK_EXEMPT)
            .payeeAccount("GB33BUKB20201555555555").build();
    private final UblWriter ublPl = UblWriter.builder().exemptionReason(EInvoiceFixtures.PL_EXEMPT)
            .payeeAccount("PL61109010140000071219812874").build();

    private Arbitrary<Spec> specs(List<VatRate> rates, List<String> units) {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("100000")).ofScale(6);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(8);
        Arbitrary<BigDecimal> discount = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2));
        return Combinators.combine(Arbitraries.strings().alpha().numeric().withChars(" &<>\"'").ofMinLength(1).ofMaxLength(40)
                        .filter(s -> !s.isBlank()), quantity, Arbitraries.of(units), price, discount, Arbitraries.of(rates))
                .as(Spec::new);
    }

    @Provide
    Arbitrary<Spec> plLines() {
        return specs(PL, List.of("szt.", "h", "kg", "usl."));
    }

    @Provide
    Arbitrary<Spec> plUblLines() {
        return specs(PL_UBL, List.of("szt.", "h", "KGM", "C62"));
    }

    @Provide
    Arbitrary<Spec> gbLines() {
        return specs(GB, List.of("C62", "HUR", "KGM", "DAY", "pcs", "h"));
    }

    @Provide
    Arbitrary<Party> plBuyers() {
        return Arbitraries.of(GLOBEX, INITECH, UKBUY);
    }

    @Provide
    Arbitrary<Party> gbBuyers() {
        return Arbitraries.of(UKBUY, INITECH, GLOBEX);
    }

    @Property(tries = 80)
    void polish_invoices_and_credit_notes_round_trip_through_valid_fa3(@ForAll @Size(min = 1, max = 8) List<@From("plLines") Spec> lines,
                                                                     @ForAll boolean euro, @ForAll("plBuyers") Party buyer) {
        Invoice invoice = issue(ACME, buyer, euro ? EUR : PLN, lines);
        String xml = fa3.write(invoice);
        assertThat(Fa3Writer.validate(xml)).as(xml).isEmpty();
        assertThat(Fa3Reader.read(xml)).isEqualTo(InvoiceDocument.of(invoice).fa3View());

        Invoice credit = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "Returned", "clerk"));
        String creditXml = fa3.write(credit, invoice);
        assertThat(Fa3Writer.validate(creditXml)).as(creditXml).isEmpty();
        InvoiceDocument read = Fa3Reader.read(creditXml);
        assertThat(read).isEqualTo(InvoiceDocument.of(credit, invoice).fa3View());
        assertThat(read.gross()).isEqualTo(invoice.gross().negated());
    }

    @Property(tries = 60)
    void uk_invoices_and_credit_notes_round_trip_through_peppol_valid_ubl(@ForAll @Size(min = 1, max = 8) List<@From("gbLines") Spec> lines,
                                                                         @ForAll boolean euro, @ForAll("gbBuyers") Party buyer) {
        roundTripUbl(issue(BRITCO, buyer, euro ? EUR : GBP, lines), ublUk);
    }

    @Property(tries = 40)
    void polish_business_invoices_round_trip_through_peppol_valid_ubl(@ForAll @Size(min = 1, max = 6) List<@From("plUblLines") Spec> lines,
                                                                     @ForAll boolean euro, @ForAll("plBuyers") Party buyer) {
        roundTripUbl(issue(ACME, buyer, euro ? EUR : PLN, lines), ublPl);
    }

    private void roundTripUbl(Invoice invoice, UblWriter ubl) {
        String xml = ubl.write(invoice);
        UblWriterTest.assertValid("invoice", xml);
        InvoiceDocument read = UblReader.read(xml);
        assertThat(read).isEqualTo(InvoiceDocument.of(invoice).ublView());
        assertThat(read.totals()).isEqualTo(InvoiceDocument.of(invoice).ublView().totals());
        assertThat(read.gross()).isEqualTo(invoice.gross());

        Invoice credit = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "Returned", "clerk"));
        String creditXml = ubl.write(credit, invoice);
        UblWriterTest.assertValid("credit note", creditXml);
        InvoiceDocument readCredit = UblReader.read(creditXml);
        assertThat(readCredit).isEqualTo(InvoiceDocument.of(credit, invoice).ublView());
        assertThat(readCredit.gross()).isEqualTo(invoice.gross().negated());
    }

    private Invoice issue(Party seller, Party buyer, CurrencyUnit currency, List<Spec> lines) {
        NewInvoice.Builder b = NewInvoice.builder("FV", currency).seller(seller).buyer(buyer);
        lines.forEach(l -> b.line(l.in(currency)));
        return invoicing.issue(b.build());
    }
}
