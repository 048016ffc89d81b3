package dev.backoffice.invoicing;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the "Proformas, advance invoices, split payment" snippet of README-invoicing.md (a plain
 * block, so the guide's compiled ```java blocks keep their count and order) and checks the guide
 * shows exactly this code.
 */
class PrepaymentsTourTest {

    @Test
    void theSnippetRuns() {
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        List<OpenAccount> chart = new ArrayList<>(ChartTemplates.smallBusiness(pln));
        chart.add(OpenAccount.of("2450", "Advances received", AccountType.LIABILITY, pln));
        TenantLedger books = ledger.forTenant(TenantId.of("acme"));
        books.openAll(chart);
        Party acmeCo = Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa");
        Party globex = Party.of("Globex S.A.", "PL", "768-000-24-66", "ul. Krotka 2, 30-001 Krakow");
        // prepayments:start
        Invoicing invoicing = Invoicing.builder()
                .store(InMemoryInvoiceStore.create())
                .ledger(ledger, AccountMapping.builder()
                        .currency(pln, "1100", "4100", "2200", "1010", "2400")
                        .advances(pln, "2450")                                  // advances received (a liability)
                        .build())
                .clock(clock)
                .build();
        TenantInvoicing acme = invoicing.forTenant(TenantId.of("acme"));
        acme.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        acme.defineSeries(Series.of("FZ", "FZ/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        NewInvoice order = NewInvoice.builder("FV", pln).seller(acmeCo).buyer(globex)
                .line(InvoiceLine.of("Steel beams", new BigDecimal("20"), "szt.", Money.parse("PLN 1000.00"), VatRate.PL_23).withAnnex15())
                .build();

        // 1. A proforma: no number, no posting, no FA(3); converted once into the invoice
        Invoice proforma = acme.proforma(order);
        System.out.println(proforma.kind() + " " + proforma.number().isPresent()); // PROFORMA false

        // 2. 30 % paid before delivery: an advance invoice (ZAL), VAT 23/123 of the amount received
        Invoice advance = acme.issueAdvance(NewAdvanceInvoice.of(NewInvoice.builder("FZ", pln).seller(acmeCo).buyer(globex)
                .line(order.lines().get(0)).build(), Money.parse("PLN 7380.00"), LocalDate.of(2026, 3, 16)));
        System.out.println(advance.number().orElseThrow() + ": " + advance.net() + " + " + advance.vat()); // FZ/2026/1: PLN 6000.00 + PLN 1380.00

        // 3. Delivered: the final invoice (ROZ) deducts the advance; split payment computed (gross 24600 > 15000, annex 15)
        Invoice fin = acme.issueFinal(NewFinalInvoice.of(order, List.of(advance.id())));
        System.out.println(fin.number().orElseThrow() + ": " + fin.gross() + ", split payment " + fin.splitPayment()); // FV/2026/1: PLN 17220.00, split payment true
        System.out.println(Fa3Writer.validate(Fa3Writer.builder().build().write(fin)).isEmpty()); // true
        // prepayments:end

        assertThat(proforma.number()).isEmpty();
        assertThat(advance.net()).isEqualTo(Money.parse("PLN 6000.00"));
        assertThat(advance.vat()).isEqualTo(Money.parse("PLN 1380.00"));
        assertThat(fin.gross()).isEqualTo(Money.parse("PLN 17220.00"));
        assertThat(fin.splitPayment()).isTrue();
        assertThat(books.balance("4100").posted()).isEqualTo(Money.parse("PLN 20000.00"));
        assertThat(books.balance("2450").posted()).isEqualTo(Money.parse("PLN 0.00"));
        assertThat(books.balance("2200").posted()).isEqualTo(Money.parse("PLN 4600.00"));
        assertThat(books.balance("1100").posted()).isEqualTo(Money.parse("PLN 24600.00")); // 7380 advance + 17220 remainder, unpaid
    }

    @Test
    void theGuideShowsTheSnippet() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/invoicing/PrepaymentsTourTest.java"));
        String tour = test.substring(test.indexOf("// prepayments:start") + "// prepayments:start".length(),
                test.indexOf("        // prepayments:end"));
        assertThat(normalize(Files.readString(Path.of("README-invoicing.md")))).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
