package dev.backoffice.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every public value type of the ledger round-trips through the SDK's JSON mapper. */
class LedgerJsonTest {

    private final ObjectMapper json = BackofficeJson.mapper();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private <T> void roundTrips(T value, Class<T> type) throws Exception {
        String text = json.writeValueAsString(value);
        assertThat(json.readValue(text, type)).as(text).isEqualTo(value);
    }

    @Test
    void commandsRoundTrip() throws Exception {
        roundTrips(OpenAccount.of("2010", "Wallet", AccountType.LIABILITY, CurrencyUnit.EUR).parent("2000")
                .flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS), OpenAccount.class);
        roundTrips(EntryRequest.builder(DAY, "Invoice").debit("1100", Money.parse("EUR 12.30"))
                .credit(AccountId.newId(), Money.parse("EUR 12.30")).metadata("invoice", "7").idempotencyKey("inv-7")
                .pendingUntil(Instant.parse("2026-03-02T00:00:00Z")).build(), EntryRequest.class);
        roundTrips(AccountRef.code("1000"), AccountRef.class);
        roundTrips(Posting.debit("1000", Money.parse("USD 1.00")), Posting.class);
    }

    @Test
    void stateAndReportsRoundTrip() throws Exception {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z"));
        TenantLedger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(clock).build()
                .forTenant(TenantId.of("json"));
        ledger.openAll(ChartTemplates.smallBusiness(CurrencyUnit.EUR));
        JournalEntry sale = ledger.post(EntryRequest.builder(DAY, "Sale").debit("1100", Money.parse("EUR 123.00"))
                .credit("4100", Money.parse("EUR 100.00")).credit("2200", Money.parse("EUR 23.00")).idempotencyKey("s").build());
        JournalEntry hold = ledger.post(EntryRequest.builder(DAY, "Hold").debit("1020", Money.parse("EUR 5.00"))
                .credit("1100", Money.parse("EUR 5.00")).pending().build());
        JournalEntry post = ledger.postPending(hold.id());
        roundTrips(sale, JournalEntry.class);
        roundTrips(post, JournalEntry.class);
        roundTrips(ledger.account("2200"), Account.class);
        roundTrips(ledger.balance("1100"), Balance.class);
        roundTrips(ledger.trialBalance(DAY), TrialBalance.class);
        roundTrips(ledger.balanceSheet(DAY, CurrencyUnit.EUR), BalanceSheet.class);
        roundTrips(ledger.incomeStatement(DAY, DAY, CurrencyUnit.EUR), IncomeStatement.class);
        roundTrips(ledger.statement(AccountRef.code("1100"), DAY, DAY.plusDays(10), Optional.empty(), 1), Statement.class);
        ledger.closePeriod(DAY, "me");
        roundTrips(ledger.periodStatus(), PeriodStatus.class);
        roundTrips(new AccountCounters(1, 2, 3, 4), AccountCounters.class);
        roundTrips(new Movement(3, sale.id(), 1, sale.lines().get(1).account(), DAY, EntryKind.STANDARD, Side.CREDIT, false, 10_000),
                Movement.class);
        assertThat(json.writeValueAsString(sale)).contains("\"amount\":\"123.00\"", "\"currency\":\"EUR\"");
        assertThat(List.of(sale.lines().get(0).amount())).containsExactly(Money.parse("EUR 123.00"));
    }
}
