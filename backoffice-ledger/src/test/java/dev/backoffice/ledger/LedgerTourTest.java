package dev.backoffice.ledger;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the ledger tour of README.md, and checks the README shows exactly this code. */
class LedgerTourTest {

    @Test
    void theTourRunsAndItsFiguresAddUp() {
        // tour:start
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
        Ledger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build();
        TenantLedger acme = ledger.forTenant(TenantId.of("acme"));

        // 1. Open accounts: the small generic chart (assets 1xxx ... expenses 6xxx)
        acme.openAll(ChartTemplates.smallBusiness(CurrencyUnit.EUR));
        acme.post(EntryRequest.builder(LocalDate.of(2026, 3, 1), "Share capital paid in")
                .debit("1010", Money.parse("EUR 1000.00"))
                .credit("3100", Money.parse("EUR 1000.00"))
                .build());

        // 2. Post a sale: EUR 100.00 + 23% VAT, idempotent by the invoice number
        JournalEntry sale = acme.post(EntryRequest.builder(LocalDate.of(2026, 3, 2), "Invoice 2026/001")
                .debit("1100", Money.parse("EUR 123.00"))
                .credit("4100", Money.parse("EUR 100.00"))
                .credit("2200", Money.parse("EUR 23.00"))
                .idempotencyKey("invoice-2026-001")
                .build());

        // 3. A two-phase card payment: authorise (a hold on pending counters), then capture it
        JournalEntry auth = acme.post(EntryRequest.builder(LocalDate.of(2026, 3, 3), "Card authorisation, invoice 2026/001")
                .debit("1020", Money.parse("EUR 123.00"))
                .credit("1100", Money.parse("EUR 123.00"))
                .pendingUntil(clock.instant().plus(Duration.ofDays(7)))
                .build());
        acme.postPending(auth.id()); // or postPending(id, smallerAmount), or voidPending(id)

        // 4. A wrong entry, and its reversal (posted entries never change)
        JournalEntry rent = acme.post(EntryRequest.builder(LocalDate.of(2026, 3, 3), "Rent March")
                .debit("6300", Money.parse("EUR 40.00"))
                .credit("1010", Money.parse("EUR 40.00"))
                .build());
        acme.reverse(rent.id(), "booked twice");

        // 5. Reports
        System.out.println(acme.trialBalance(LocalDate.of(2026, 3, 31)).render());
        System.out.println(acme.incomeStatement(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), CurrencyUnit.EUR).render());
        // tour:end

        assertThat(sale.lines()).hasSize(3);
        assertThat(acme.balance("1100").posted()).isEqualTo(Money.parse("EUR 0.00"));
        assertThat(acme.balance("1020").posted()).isEqualTo(Money.parse("EUR 123.00"));
        assertThat(acme.balance("1010").posted()).isEqualTo(Money.parse("EUR 1000.00"));
        TrialBalance tb = acme.trialBalance(LocalDate.of(2026, 3, 31));
        assertThat(tb.totalDebits(CurrencyUnit.EUR)).isEqualTo(Money.parse("EUR 1123.00")).isEqualTo(tb.totalCredits(CurrencyUnit.EUR));
        assertThat(acme.incomeStatement(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), CurrencyUnit.EUR).netIncome())
                .isEqualTo(Money.parse("EUR 100.00"));
    }

    @Test
    void theReadmeShowsTheTourCode() throws Exception {
        String test = Files.readString(Path.of("src/test/java/dev/backoffice/ledger/LedgerTourTest.java"));
        String tour = test.substring(test.indexOf("// tour:start") + "// tour:start".length(), test.indexOf("        // tour:end"));
        String readme = Files.readString(Path.of("README.md"));
        assertThat(normalize(readme)).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
