package dev.backoffice.invoicing;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.EUR;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.INITECH;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random Polish invoices (every Polish rate, quantities and prices at their full precision,
 * discounts, PLN or EUR, domestic, EU or consumer buyers), issued, and their cancelling credit
 * notes: every FA(3) document written is valid against the official schema, and its gross total
 * is the invoice's.
 */
class Fa3Properties {

    private static final Party CONSUMER = Party.withoutTaxId("Jan Kowalski", "PL", "ul. Polna 3, 90-001 Lodz");
    private static final List<VatRate> RATES = List.of(VatRate.PL_23, VatRate.PL_8, VatRate.PL_5, VatRate.PL_0,
            VatRate.PL_EXEMPT, VatRate.PL_NOT_SUBJECT, VatRate.PL_REVERSE_CHARGE);

    private final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
    private final Fa3Writer fa3 = Fa3Writer.builder().clock(clock).exemptionBasis("art. 43 ust. 1 pkt 29 lit. b ustawy").build();

    @Provide
    Arbitrary<InvoiceLine> lines() {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("100000"))
                .ofScale(6);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(8);
        Arbitrary<BigDecimal> discount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2);
        return Combinators.combine(quantity, price, discount, Arbitraries.of(RATES), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40))
                .as((q, p, d, r, name) -> new InvoiceLine(name, q, "szt.", BigMoney.of(PLN, p), d, r));
    }

    @Property(tries = 150)
    void every_invoice_and_credit_note_written_is_valid_fa3(@ForAll @Size(min = 1, max = 12) List<@From("lines") InvoiceLine> lines,
                                                            @ForAll boolean euro, @ForAll("buyers") Party buyer) {
        FxRates rates = FixedFxRates.builder().rate(EUR, PLN, LocalDate.of(2026, 3, 13), "4.2817", "051/A/NBP/2026").build();
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        TenantId tenant = TenantId.of("fa3-" + UUID.randomUUID());
        ledger.forTenant(tenant).openAll(InvoicingFixtures.chart());
        TenantInvoicing invoicing = Invoicing.builder().store(InMemoryInvoiceStore.create()).ledger(ledger, ACCOUNTS).fxRates(rates)
                .clock(clock).build().forTenant(tenant);
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        CurrencyUnit currency = euro ? EUR : PLN;
        Party to = buyer.taxId().isEmpty() && lines.stream().anyMatch(l -> l.vatRate() == VatRate.PL_REVERSE_CHARGE) ? GLOBEX : buyer;
        NewInvoice.Builder b = NewInvoice.builder("FV", currency).seller(ACME).buyer(to);
        lines.forEach(l -> b.line(new InvoiceLine(l.description(), l.quantity(), l.unit(), BigMoney.of(currency, l.unitNetPrice().getAmount()),
                l.discountPercent(), l.vatRate())));
        Invoice invoice = invoicing.issue(b.build());

        String xml = fa3.write(invoice);
        assertThat(Fa3Writer.validate(xml)).as(xml).isEmpty();
        assertThat(xml).contains("<P_15>" + invoice.gross().getAmount().toPlainString() + "</P_15>");

        Invoice creditNote = invoicing.cancel(invoice.id(), CancelInvoice.of("KOR", "anulowanie", "tester"));
        String kor = fa3.write(creditNote, invoicing.invoice(invoice.id()));
        assertThat(Fa3Writer.validate(kor)).as(kor).isEmpty();
        assertThat(kor).contains("<P_15>" + creditNote.gross().getAmount().toPlainString() + "</P_15>");
    }

    @Provide
    Arbitrary<Party> buyers() {
        return Arbitraries.of(GLOBEX, INITECH, CONSUMER, InvoicingFixtures.JANE);
    }
}
