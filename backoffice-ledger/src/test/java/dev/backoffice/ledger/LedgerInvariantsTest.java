package dev.backoffice.ledger;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.internal.Invariants;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The internal invariants the issue names (#15 item 3), checked right before every store writes:
 * entries balance per currency, and every account whose counters a unit of work writes was locked
 * by it. A unit of work that breaks one (only a bug in the SDK can) fails with
 * {@link IllegalStateException} and nothing is written, on every store and both JDBC write paths.
 */
class LedgerInvariantsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static TestDatabase db;
    private static JdbcLedgerStore grouped;
    private static JdbcLedgerStore direct;

    @BeforeAll
    static void start() {
        db = TestDatabases.h2();
        grouped = JdbcLedgerStore.create(db.dataSource());
        direct = JdbcLedgerStore.builder(db.dataSource()).groupCommit(false).build();
    }

    @AfterAll
    static void stop() {
        grouped.close();
        direct.close();
        db.close();
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("memory", InMemoryLedgerStore.create()), Arguments.of("h2 group commit", grouped),
                Arguments.of("h2 direct", direct));
    }

    static Stream<Arguments> jdbcStores() {
        return Stream.of(Arguments.of("h2 group commit", grouped), Arguments.of("h2 direct", direct));
    }

    private static Account account(String code, CurrencyUnit currency) {
        return new Account(AccountId.newId(), code, code, AccountType.ASSET, currency, Optional.empty(), Set.of(), false, NOW);
    }

    private static JournalEntry entry(long sequence, EntryLine... lines) {
        return new JournalEntry(EntryId.newId(), sequence, EntryKind.STANDARD, DAY, NOW, "invariant test", Map.of(),
                Optional.empty(), List.of(lines), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static EntryLine debit(Account a, String amount) {
        return new EntryLine(a.id(), Side.DEBIT, Money.parse(a.currency().getCode() + " " + amount));
    }

    private static EntryLine credit(Account a, String amount) {
        return new EntryLine(a.id(), Side.CREDIT, Money.parse(a.currency().getCode() + " " + amount));
    }

    @Test
    void balancedEntriesPass() {
        Account cash = account("1000", CurrencyUnit.EUR);
        Account bank = account("1010", CurrencyUnit.EUR);
        Account usd = account("1020", CurrencyUnit.USD);
        Account usd2 = account("1030", CurrencyUnit.USD);
        assertThatCode(() -> Invariants.entriesBalance(List.of(
                entry(1, debit(cash, "10.00"), credit(bank, "10.00")),
                entry(2, debit(cash, "10.00"), debit(usd, "3.00"), credit(bank, "10.00"), credit(usd2, "3.00")),
                entry(3, debit(cash, "4.00"), debit(cash, "6.00"), credit(bank, "10.00"))))).doesNotThrowAnyException();
    }

    @Test
    void anEntryThatDoesNotBalanceIsCaught() {
        Account cash = account("1000", CurrencyUnit.EUR);
        Account bank = account("1010", CurrencyUnit.EUR);
        assertThatThrownBy(() -> Invariants.entriesBalance(List.of(entry(1, debit(cash, "10.00"), credit(bank, "9.99")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not balance in EUR");
        assertThatThrownBy(() -> Invariants.entriesBalance(List.of(entry(1, debit(cash, "10.00")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not balance");
    }

    @Test
    void anEntryBalancedInTotalButNotPerCurrencyIsCaught() {
        Account eur = account("1000", CurrencyUnit.EUR);
        Account usd = account("1020", CurrencyUnit.USD);
        assertThatThrownBy(() -> Invariants.entriesBalance(List.of(entry(1, debit(eur, "10.00"), credit(usd, "10.00")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not balance");
    }

    @Test
    void countersOfAnAccountNotLockedAreCaught() {
        AccountId locked = AccountId.newId();
        AccountId other = AccountId.newId();
        assertThatCode(() -> Invariants.accountsLocked(List.of(locked), Set.of(locked))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Invariants.accountsLocked(List.of(locked, other), Set.of(locked)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(other.toString()).hasMessageContaining("lock");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aStoreRefusesToWriteAnUnbalancedEntryAndWritesNothing(String name, LedgerStore store) {
        TenantId tenant = TenantId.of("inv-" + name.replace(' ', '-') + "-" + System.nanoTime());
        Account cash = account("1000", CurrencyUnit.EUR);
        Account bank = account("1010", CurrencyUnit.EUR);
        store.forTenant(tenant).write(tx -> {
            tx.insertAccount(cash);
            tx.insertAccount(bank);
            return null;
        });
        JournalEntry[] written = new JournalEntry[1];
        assertThatThrownBy(() -> store.forTenant(tenant).write(tx -> {
            tx.lockAccounts(List.of(cash.id(), bank.id()));
            written[0] = entry(tx.nextSequence(), debit(cash, "10.00"), credit(bank, "9.00"));
            tx.write(List.of(written[0]), List.of(), Map.of());
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("invariant broken");
        assertThat(store.forTenant(tenant).read().entry(written[0].id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdbcStores")
    void aStoreRefusesToWriteCountersOfAnAccountItDidNotLock(String name, LedgerStore store) {
        TenantId tenant = TenantId.of("inv-lock-" + name.replace(' ', '-') + "-" + System.nanoTime());
        Account cash = account("1000", CurrencyUnit.EUR);
        Account bank = account("1010", CurrencyUnit.EUR);
        store.forTenant(tenant).write(tx -> {
            tx.insertAccount(cash);
            tx.insertAccount(bank);
            return null;
        });
        AccountCounters bogus = new AccountCounters(1000, 0, 0, 0);
        assertThatThrownBy(() -> store.forTenant(tenant).write(tx -> {
            tx.lockAccounts(List.of(cash.id()));
            tx.write(List.of(), List.of(), Map.of(cash.id(), AccountCounters.ZERO, bank.id(), bogus));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining(bank.id().toString());
        assertThat(store.forTenant(tenant).read().state(bank.id()).orElseThrow().counters()).isEqualTo(AccountCounters.ZERO);
    }

    @Test
    void assertionsAreOnInTests() {
        boolean on = false;
        assert on = true;
        assertThat(on).as("surefire runs the tests with -ea").isTrue();
    }
}
