package dev.backoffice.invoicing;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the invoicing tour of README-invoicing.md, and checks the guide shows exactly this code and the lifecycle diagram. */
class InvoicingTourTest {

    @Test
    void theTourRunsAndItsFiguresAddUp() {
        // tour:start
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        ledger.forTenant(TenantId.of("acme")).openAll(ChartTemplates.smallBusiness(pln));
        Invoicing invoicing = Invoicing.builder()
                .store(InMemoryInvoiceStore.create())
                .ledger(ledger, AccountMapping.builder()
                        .currency(pln, "1100", "4100", "2200", "1010", "2400") // receivable, revenue, VAT, bank, customer credit
                        .build())
                .clock(clock)
                .build();
        TenantInvoicing acme = invoicing.forTenant(TenantId.of("acme"));

        // 1. A series, numbered per month without a gap: FV/2026/03/1, FV/2026/03/2, ...
        acme.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");

        // 2. Issue: VAT per rate from the net sum, the next number and the journal entry, in one transaction
        Invoice invoice = acme.issue(NewInvoice.builder("FV", pln)
                .seller(Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa"))
                .buyer(Party.of("Globex S.A.", "PL", "768-000-24-66", "ul. Krotka 2, 30-001 Krakow"))
                .line(InvoiceLine.of("Consulting", new BigDecimal("10"), "h", Money.parse("PLN 150.00"), VatRate.PL_23))
                .line(InvoiceLine.of("Handbook", new BigDecimal("2"), "szt.", Money.parse("PLN 45.00"), VatRate.PL_5))
                .paymentDays(14)
                .build());
        System.out.println(invoice.number().orElseThrow() + ": " + invoice.gross()); // FV/2026/03/1: PLN 1939.50

        // 3. A payment larger than the invoice settles it; the rest stays as the customer's credit
        Payment payment = acme.recordPayment(NewPayment.of(invoice.customer(), Money.parse("PLN 2000.00"),
                LocalDate.of(2026, 3, 20), "FV/2026/03/1").allocate(invoice.id(), invoice.gross()));
        System.out.println(acme.invoice(invoice.id()).status() + ", credit " + payment.unallocated()); // PAID, credit PLN 60.50

        // 4. What an auditor asks of a series: numbers 1..n, each once, no hole
        GapAudit audit = acme.gapAudit("FV", NumberingPeriod.month(YearMonth.of(2026, 3)));
        System.out.println(audit.count() + " issued, gap-free: " + audit.gapFree()); // 1 issued, gap-free: true
        // tour:end

        assertThat(invoice.number()).contains("FV/2026/03/1");
        assertThat(invoice.gross()).isEqualTo(Money.parse("PLN 1939.50"));
        assertThat(invoice.vat()).isEqualTo(Money.parse("PLN 349.50"));
        assertThat(acme.invoice(invoice.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(payment.unallocated()).isEqualTo(Money.parse("PLN 60.50"));
        assertThat(audit.gapFree()).isTrue();
        var books = ledger.forTenant(TenantId.of("acme"));
        assertThat(books.balance("1100").posted()).isEqualTo(Money.parse("PLN 0.00"));
        assertThat(books.balance("1010").posted()).isEqualTo(Money.parse("PLN 2000.00"));
        assertThat(books.balance("2400").posted()).isEqualTo(Money.parse("PLN 60.50"));
        assertThat(books.balance("2200").posted()).isEqualTo(Money.parse("PLN 349.50"));
    }

    @Test
    void theGuideShowsTheTourCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/invoicing/InvoicingTourTest.java"));
        String tour = test.substring(test.indexOf("// tour:start") + "// tour:start".length(), test.indexOf("        // tour:end"));
        assertThat(normalize(Files.readString(Path.of("README-invoicing.md")))).contains(normalize(tour));
    }

    @Test
    void theGuideShowsTheLifecycleOfTheMachine() throws Exception {
        assertThat(Files.readString(Path.of("README-invoicing.md"))).contains(InvoiceLifecycle.machine().toMermaid());
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
