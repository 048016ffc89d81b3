package dev.backoffice.invoicing;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryPayableStore;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
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
 * Runs the second tour of README-invoicing.md (its last {@code java} block: purchases, the VAT
 * register, aging, a late-payment claim, a partial credit note), and checks the guide shows
 * exactly this code.
 */
class InvoicingApTourTest {

    @Test
    void theApTourRunsAndItsFiguresAddUp() {
        // tour:start
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        List<OpenAccount> chart = new ArrayList<>(ChartTemplates.smallBusiness(pln));
        chart.add(OpenAccount.of("1300", "Input VAT", AccountType.ASSET, pln));
        chart.add(OpenAccount.of("1400", "Supplier advances", AccountType.ASSET, pln));
        ledger.forTenant(TenantId.of("acme")).openAll(chart);
        Invoicing invoicing = Invoicing.builder()
                .store(InMemoryInvoiceStore.create())
                .payables(InMemoryPayableStore.create())
                .ledger(ledger, AccountMapping.builder()
                        .currency(pln, "1100", "4100", "2200", "1010", "2400")  // receivable, revenue, VAT due, bank, customer credit
                        .purchases(pln, "6300", "1300", "2100", "1400")         // expense, input VAT, payable, supplier advances
                        .build())
                .fxRates(FixedFxRates.builder().rate(CurrencyUnit.EUR, pln, LocalDate.of(2026, 2, 27), "4.2000", "040/A/NBP/2026").build())
                .clock(clock)
                .build();
        TenantInvoicing acme = invoicing.forTenant(TenantId.of("acme"));
        Party acmeCo = Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa");
        Party globex = Party.of("Globex S.A.", "PL", "768-000-24-66", "ul. Krotka 2, 30-001 Krakow");

        // 1. A supplier's invoice under its own number, approved: expense and input VAT against the payable
        TenantPayables payables = acme.payables();
        PurchaseInvoice rent = payables.register(NewPurchaseInvoice.builder(pln).seller(globex).buyer(acmeCo)
                .supplierNumber("FV/2026/03/117")
                .line(PurchaseLine.of("Office rent March", VatRate.PL_23, Money.parse("PLN 4000.00"), Money.parse("PLN 920.00")))
                .issueDate(LocalDate.of(2026, 3, 2)).receivedOn(LocalDate.of(2026, 3, 3)).dueDate(LocalDate.of(2026, 3, 16))
                .build());
        payables.approve(rent.id(), "cfo");
        System.out.println(payables.dueBy(LocalDate.of(2026, 3, 31)).size() + " to pay by 31 March"); // 1 to pay by 31 March
        payables.pay(NewPayment.of(rent.supplier(), rent.gross(), LocalDate.of(2026, 3, 16), "rent March").allocate(rent.id(), rent.gross()));

        // 2. A sale, corrected in part by a credit note: 10 hours become 8
        acme.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        acme.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        Invoice sale = acme.issue(NewInvoice.builder("FV", pln).seller(acmeCo).buyer(globex)
                .line(InvoiceLine.of("Consulting", new BigDecimal("10"), "h", Money.parse("PLN 150.00"), VatRate.PL_23))
                .paymentDays(14)
                .build());
        Invoice creditNote = acme.correct(sale.id(), CorrectInvoice.of("KOR",
                List.of(sale.lines().get(0).withQuantity(new BigDecimal("8"))), "2 hours not worked", "clerk"));
        System.out.println(creditNote.number().orElseThrow() + ": " + creditNote.gross()); // KOR/2026/1: PLN -369.00

        // 3. The VAT register of March reconciles to the ledger's VAT accounts
        VatRegister march = acme.vatRegister(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        System.out.println("output VAT " + march.vatPln(VatRegister.Side.SALES)
                + ", input VAT " + march.vatPln(VatRegister.Side.PURCHASES)); // output VAT PLN 276.00, input VAT PLN 920.00

        // 4. Three months later: the aging report and what a reminder may claim
        AgingReport aging = acme.aging(LocalDate.of(2026, 6, 30));
        System.out.println(aging.rows().get(0).over90()); // PLN 1476.00 (due 30 March: 92 days)
        LatePaymentClaim claim = acme.lateClaim(sale.id(), LocalDate.of(2026, 6, 30));
        System.out.println(claim.interest() + " interest + " + claim.compensation()); // PLN 52.08 interest + PLN 168.00
        // tour:end

        var books = ledger.forTenant(TenantId.of("acme"));
        assertThat(books.balance("2100").posted()).isEqualTo(Money.parse("PLN 0.00"));
        assertThat(books.balance("1300").posted()).isEqualTo(Money.parse("PLN 920.00"));
        assertThat(books.balance("6300").posted()).isEqualTo(Money.parse("PLN 4000.00"));
        assertThat(creditNote.number()).contains("KOR/2026/1");
        assertThat(creditNote.gross()).isEqualTo(Money.parse("PLN -369.00"));
        assertThat(march.vatPln(VatRegister.Side.SALES)).isEqualTo(Money.parse("PLN 276.00"));
        assertThat(books.balance("2200").posted()).isEqualTo(Money.parse("PLN 276.00"));
        assertThat(march.vatPln(VatRegister.Side.PURCHASES)).isEqualTo(Money.parse("PLN 920.00"));
        assertThat(aging.rows().get(0).over90()).isEqualTo(Money.parse("PLN 1476.00"));
        assertThat(books.balance("1100").posted()).isEqualTo(Money.parse("PLN 1476.00"));
        assertThat(claim.interest()).isEqualTo(Money.parse("PLN 52.08")); // 1476.00 x 14 % x 92 / 365 = 52.0820
        assertThat(claim.compensation()).isEqualTo(Money.parse("PLN 168.00")); // EUR 40 x 4.2000
    }

    @Test
    void theGuideShowsTheApTourCodeAsItsLastJavaBlock() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/invoicing/InvoicingApTourTest.java"));
        String tour = test.substring(test.indexOf("// tour:start") + "// tour:start".length(), test.indexOf("        // tour:end"));
        String guide = Files.readString(Path.of("README-invoicing.md"));
        String last = guide.substring(guide.lastIndexOf("```java"));
        assertThat(normalize(last)).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
