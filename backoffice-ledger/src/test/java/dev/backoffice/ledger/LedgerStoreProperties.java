package dev.backoffice.ledger;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.internal.LedgerEngine;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's invariants over random operation sequences (transfers, holds, posts, voids,
 * expiries, reversals, batches, period closes and reopens, year-end closes), for any {@link LedgerStore}. Each generated
 * integer decodes into one operation; many operations fail on purpose (overdrafts, double
 * resolutions, closed periods) and must then leave no trace.
 *
 * <p>Checked after every sequence (and the no-overdraft and nothing-written-on-failure rules
 * after every operation): every entry balances per currency; per currency the sum of all
 * balances is zero; replaying the journal reproduces every account's counters; no flagged
 * account is overdrawn, pending included; the trial balance balances and the balance sheet
 * satisfies assets = liabilities + equity + (income - expense); statements walked page by page
 * end at the as-of balance.
 *
 * <p>One subclass per {@link StoreKind}. Each kind's store is made on first use and shared by
 * every try of every property (each try uses a fresh tenant); a JDBC store and its database are
 * closed when the JVM exits.
 */
public abstract class LedgerStoreProperties {

    private static final Map<StoreKind, LedgerStore> STORES = new ConcurrentHashMap<>();

    private final StoreKind kind;

    protected LedgerStoreProperties(StoreKind kind) {
        this.kind = kind;
    }

    /** The store under test, shared by every try. */
    private LedgerStore store() {
        return STORES.computeIfAbsent(kind, LedgerStoreProperties::open);
    }

    private static LedgerStore open(StoreKind kind) {
        if (!kind.jdbc()) {
            return InMemoryLedgerStore.create();
        }
        TestDatabase db = kind.openDatabase();
        JdbcLedgerStore store = JdbcLedgerStore.create(db.dataSource());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            db.close();
        }));
        return store;
    }

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final CurrencyUnit USD = CurrencyUnit.USD;
    private static final String[] EUR_ACCOUNTS = {"1000", "1100", "2010", "2020", "3000", "4000", "6000", "1500"};
    private static final String[] USD_ACCOUNTS = {"1900", "2910", "4900"};

    private static final class World {
        final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        final TenantLedger ledger;
        final List<JournalEntry> pendings = new ArrayList<>();
        final List<JournalEntry> posted = new ArrayList<>();

        World(LedgerStore store) {
            ledger = Ledger.builder().store(store).clock(clock).build().forTenant(TenantId.of("p-" + UUID.randomUUID()));
            ledger.openAll(List.of(
                    OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                    OpenAccount.of("1100", "Receivables", AccountType.ASSET, EUR).parent("1000"),
                    OpenAccount.of("1500", "Limited asset", AccountType.ASSET, EUR).flags(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS),
                    OpenAccount.of("2010", "Wallet A", AccountType.LIABILITY, EUR).flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    OpenAccount.of("2020", "Wallet B", AccountType.LIABILITY, EUR).flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    OpenAccount.of("3000", "Capital", AccountType.EQUITY, EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR),
                    OpenAccount.of("6000", "Costs", AccountType.EXPENSE, EUR),
                    OpenAccount.of("1900", "Cash USD", AccountType.ASSET, USD),
                    OpenAccount.of("2910", "Wallet USD", AccountType.LIABILITY, USD).flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS),
                    OpenAccount.of("4900", "Sales USD", AccountType.INCOME, USD),
                    OpenAccount.of("3200", "Retained earnings", AccountType.EQUITY, EUR),
                    OpenAccount.of("3210", "Retained earnings USD", AccountType.EQUITY, USD)));
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        }
    }

    @Property(tries = 200)
    void invariantsHoldAfterAnySequenceOfOperations(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> ops) {
        World w = new World(store());
        for (int op : ops) {
            long journalBefore = journalSize(w);
            Map<AccountId, AccountCounters> before = counters(w);
            try {
                apply(w, op);
                Statistics.label("operations").collect(op % 10 == 9 ? "period" : "op " + op % 10, "ok");
            } catch (BackofficeException e) {
                Statistics.label("operations").collect(op % 10 == 9 ? "period" : "op " + op % 10, e.code());
                assertThat(journalSize(w)).as("a failed operation writes no entry: %s", e).isEqualTo(journalBefore);
                assertThat(counters(w)).as("a failed operation moves no counter: %s", e).isEqualTo(before);
            }
            assertNoFlaggedAccountOverdrawn(w);
        }
        assertEveryEntryBalances(w);
        assertBalancesSumToZeroPerCurrency(w);
        assertReplayReproducesCounters(w);
        assertReportsAgree(w);
    }

    // ================================================================== issues #21 and #14 (branch ledger-semantics)

    /**
     * A batch replay is all or nothing: a batch holding any entry already stored (by key or id,
     * with the same or other content) writes nothing new; it returns the stored entries when every
     * entry is stored with the same content and fails with a typed error otherwise. A batch of new
     * entries only lands whole.
     *
     * @param shape per entry of the second batch: 0 the stored request again, 1 a new request, 2 the
     *              stored key or id with another amount
     */
    @Property(tries = 60)
    void aBatchReplayNeverWritesAnythingNew(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 2) Integer> shape) {
        World w = new World(store());
        int k = shape.size();
        List<EntryRequest> originals = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            originals.add(request(i, i % 2 == 0 ? "key-" + i : null, i % 2 == 0 ? null : EntryId.newId(), 1 + i));
        }
        List<JournalEntry> stored = w.ledger.postAll(originals);
        List<EntryRequest> second = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            EntryRequest o = originals.get(i);
            second.add(switch (shape.get(i)) {
                case 0 -> o;
                case 1 -> request(i, i % 2 == 0 ? "new-" + UUID.randomUUID() : null, i % 2 == 0 ? null : EntryId.newId(), 1 + i);
                default -> request(i, o.idempotencyKey().orElse(null), o.id().orElse(null), 100 + i);
            });
        }
        long before = journalSize(w);
        Map<AccountId, AccountCounters> countersBefore = counters(w);
        boolean anyStored = shape.stream().anyMatch(x -> x != 1);
        boolean allSame = shape.stream().allMatch(x -> x == 0);
        try {
            List<JournalEntry> result = w.ledger.postAll(second);
            assertThat(anyStored && !allSame).as("a mixed or conflicting batch %s must fail", shape).isFalse();
            if (allSame) {
                assertThat(result).isEqualTo(stored);
                assertThat(journalSize(w)).isEqualTo(before);
                assertThat(counters(w)).isEqualTo(countersBefore);
            } else {
                assertThat(journalSize(w)).as("a new batch lands whole").isEqualTo(before + k);
            }
            Statistics.label("batch replay").collect(allSame ? "whole replay" : "new batch");
        } catch (BatchRejectedException e) {
            assertThat(anyStored && !allSame).as("batch %s failed with %s", shape, e).isTrue();
            assertThat(e.code()).isIn("ledger.partial_batch_replay", "ledger.idempotency_conflict");
            assertThat(journalSize(w)).as("a refused replay writes nothing").isEqualTo(before);
            assertThat(counters(w)).isEqualTo(countersBefore);
            Statistics.label("batch replay").collect(e.code());
        }
    }

    private static EntryRequest request(int i, String key, EntryId id, long cents) {
        EntryRequest.Builder b = EntryRequest.builder(LocalDate.of(2025, 12, 31), "batch entry " + i)
                .debit("1000", Money.ofMinor(EUR, cents)).credit("3000", Money.ofMinor(EUR, cents));
        if (key != null) {
            b.idempotencyKey(key);
        }
        if (id != null) {
            b.id(id);
        }
        return b.build();
    }

    /**
     * A forged cursor never changes the figures shown: a statement cursor with any one character
     * changed is refused with {@code page.invalid_cursor}, or (when the change is no change) gives
     * exactly the page the genuine cursor gives.
     */
    @Property(tries = 60)
    void aForgedStatementCursorNeverChangesTheFiguresShown(@ForAll @IntRange(min = 0, max = 10_000) int at,
                                                          @ForAll @IntRange(min = 0, max = 64) int replacement,
                                                          @ForAll @IntRange(min = 1, max = 4) int pageSize) {
        World w = new World(store());
        for (int i = 0; i < 6; i++) {
            w.ledger.post(EntryRequest.builder(LocalDate.of(2025, 12, 20 + i % 3), "t" + i)
                    .debit("1000", Money.ofMinor(EUR, 100 + i)).credit(i % 2 == 0 ? "3000" : "4000", Money.ofMinor(EUR, 100 + i)).build());
        }
        LocalDate from = LocalDate.of(2025, 12, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        Statement first = w.ledger.statement(AccountRef.code("1000"), from, to, Optional.empty(), pageSize);
        String cursor = first.nextCursor().orElseThrow();
        Statement genuine = w.ledger.statement(AccountRef.code("1000"), from, to, Optional.of(cursor), pageSize);
        char[] chars = cursor.toCharArray();
        chars[at % chars.length] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".charAt(replacement);
        String forged = new String(chars);
        try {
            Statement shown = w.ledger.statement(AccountRef.code("1000"), from, to, Optional.of(forged), pageSize);
            assertThat(shown).as("an accepted cursor is the genuine one").isEqualTo(genuine);
            assertThat(forged).isEqualTo(cursor);
            Statistics.label("forged cursor").collect("unchanged");
        } catch (BackofficeException e) {
            assertThat(e.code()).isEqualTo("page.invalid_cursor");
            Statistics.label("forged cursor").collect("refused");
        }
    }

    private static void apply(World w, int op) {
        int kind = op % 10;
        int a = (op / 10) % 11;
        int b = (op / 110) % 11;
        long amount = 1 + (op / 1210) % 5000;
        String from = pick(a);
        String to = pick(b);
        CurrencyUnit cur = currencyOf(from);
        Money money = Money.ofMinor(cur, amount);
        LocalDate date = w.today().minusDays(op % 3);
        switch (kind) {
            case 0, 1, 2 -> w.posted.add(w.ledger.post(EntryRequest.builder(date, "t").debit(from, money).credit(to, money).build()));
            case 3 -> w.pendings.add(w.ledger.post(EntryRequest.builder(date, "hold").debit(from, money).credit(to, money)
                    .pendingUntil(w.clock.instant().plus(Duration.ofHours(1 + op % 48))).build()));
            case 4 -> {
                if (!w.pendings.isEmpty()) {
                    JournalEntry p = w.pendings.get(op % w.pendings.size());
                    long held = p.lines().get(0).amount().getAmountMinorLong();
                    if (op % 2 == 0) {
                        w.ledger.postPending(p.id());
                    } else {
                        w.ledger.postPending(p.id(), Money.ofMinor(p.lines().get(0).amount().getCurrencyUnit(), 1 + amount % held));
                    }
                }
            }
            case 5 -> {
                if (!w.pendings.isEmpty()) {
                    w.ledger.voidPending(w.pendings.get(op % w.pendings.size()).id());
                }
            }
            case 6 -> {
                w.clock.advance(Duration.ofHours(1 + op % 30));
                w.ledger.expirePending(w.clock.instant());
            }
            case 7 -> {
                if (!w.posted.isEmpty()) {
                    w.posted.add(w.ledger.reverse(w.posted.get(op % w.posted.size()).id(), "property"));
                }
            }
            case 8 -> {
                String c = pick(b + 1);
                Money m2 = Money.ofMinor(currencyOf(c), amount);
                w.posted.addAll(w.ledger.postAll(List.of(
                        EntryRequest.builder(date, "b1").debit(from, money).credit(to, money).build(),
                        EntryRequest.builder(date, "b2").debit(c, m2).credit(pick(a + 2), Money.ofMinor(currencyOf(pick(a + 2)), amount)).build())));
            }
            default -> {
                if ((op / 10) % 7 == 0) {
                    LocalDate yearEnd = w.today().minusDays(1);
                    w.ledger.closeYear(yearEnd, "prop", List.of(AccountRef.code("3200"), AccountRef.code("3210")));
                } else if ((op / 10) % 3 != 0) {
                    w.ledger.closePeriod(w.today().minusDays(2), "prop");
                } else if (w.ledger.periodStatus().closedThrough().isPresent()) {
                    w.ledger.reopenPeriod(w.ledger.periodStatus().closedThrough().get(), "prop", "property test");
                }
            }
        }
    }

    private static String pick(int i) {
        int n = EUR_ACCOUNTS.length + USD_ACCOUNTS.length;
        int k = Math.floorMod(i, n);
        return k < EUR_ACCOUNTS.length ? EUR_ACCOUNTS[k] : USD_ACCOUNTS[k - EUR_ACCOUNTS.length];
    }

    private static CurrencyUnit currencyOf(String code) {
        return code.startsWith("19") || code.startsWith("29") || code.startsWith("49") ? USD : EUR;
    }

    private static long journalSize(World w) {
        return w.ledger.journal(0, 10_000).size();
    }

    private static Map<AccountId, AccountCounters> counters(World w) {
        Map<AccountId, AccountCounters> m = new HashMap<>();
        for (Account a : w.ledger.accounts()) {
            Balance b = w.ledger.balance(AccountRef.id(a.id()));
            m.put(a.id(), new AccountCounters(b.debitsPosted().getAmountMinorLong(), b.creditsPosted().getAmountMinorLong(),
                    b.debitsPending().getAmountMinorLong(), b.creditsPending().getAmountMinorLong()));
        }
        return m;
    }

    private static void assertNoFlaggedAccountOverdrawn(World w) {
        for (Account a : w.ledger.accounts()) {
            Balance b = w.ledger.balance(AccountRef.id(a.id()));
            if (a.has(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS)) {
                assertThat(b.debitsPosted().plus(b.debitsPending()).isGreaterThan(b.creditsPosted()))
                        .as("%s overdrawn: %s", a.code(), b).isFalse();
            }
            if (a.has(AccountFlag.CREDITS_MUST_NOT_EXCEED_DEBITS)) {
                assertThat(b.creditsPosted().plus(b.creditsPending()).isGreaterThan(b.debitsPosted()))
                        .as("%s over-credited: %s", a.code(), b).isFalse();
            }
        }
    }

    private static void assertEveryEntryBalances(World w) {
        for (JournalEntry e : w.ledger.journal(0, 10_000)) {
            Map<CurrencyUnit, Long> net = new HashMap<>();
            for (EntryLine l : e.lines()) {
                long m = l.amount().getAmountMinorLong();
                net.merge(l.amount().getCurrencyUnit(), l.side() == Side.DEBIT ? m : -m, Long::sum);
            }
            assertThat(net.values()).as("entry %s balances per currency", e.id()).allMatch(v -> v == 0);
        }
    }

    private static void assertBalancesSumToZeroPerCurrency(World w) {
        Map<CurrencyUnit, long[]> sums = new HashMap<>();
        for (Account a : w.ledger.accounts()) {
            Balance b = w.ledger.balance(AccountRef.id(a.id()));
            long[] s = sums.computeIfAbsent(a.currency(), c -> new long[2]);
            s[0] += b.debitsPosted().getAmountMinorLong() - b.creditsPosted().getAmountMinorLong();
            s[1] += b.debitsPending().getAmountMinorLong() - b.creditsPending().getAmountMinorLong();
        }
        sums.forEach((c, s) -> {
            assertThat(s[0]).as("posted balances sum to zero in %s", c).isZero();
            assertThat(s[1]).as("pending balances sum to zero in %s", c).isZero();
        });
    }

    private static void assertReplayReproducesCounters(World w) {
        List<JournalEntry> journal = w.ledger.journal(0, 10_000);
        Map<EntryId, JournalEntry> byId = new HashMap<>();
        Map<AccountId, AccountCounters> replayed = new HashMap<>();
        for (JournalEntry e : journal) {
            byId.put(e.id(), e);
            List<EntryLine> held = e.kind() == EntryKind.POST_PENDING ? byId.get(e.pendingId().orElseThrow()).lines() : null;
            for (Movement m : LedgerEngine.movements(e, held)) {
                replayed.merge(m.account(), AccountCounters.ZERO.apply(m), AccountCounters::plus);
            }
        }
        Map<AccountId, AccountCounters> actual = counters(w);
        for (Account a : w.ledger.accounts()) {
            assertThat(replayed.getOrDefault(a.id(), AccountCounters.ZERO)).as("replay of %s", a.code())
                    .isEqualTo(actual.get(a.id()));
            assertThat(w.ledger.balance(AccountRef.id(a.id()), LocalDate.of(2100, 1, 1)))
                    .as("as-of far future equals now for %s", a.code()).isEqualTo(w.ledger.balance(AccountRef.id(a.id())));
        }
    }

    private static void assertReportsAgree(World w) {
        LocalDate asOf = w.today().plusDays(1);
        for (Account a : w.ledger.accounts()) {
            // a statement walked in small pages ends at the as-of balance, and pages neither repeat nor skip
            Optional<String> cursor = Optional.empty();
            Money running = null;
            int lines = 0;
            do {
                Statement page = w.ledger.statement(AccountRef.id(a.id()), LocalDate.of(2000, 1, 1), asOf, cursor, 3);
                if (running != null) {
                    assertThat(page.openingBalance()).as("page continues where the previous ended").isEqualTo(running);
                }
                running = page.closingBalance();
                lines += page.lines().size();
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            assertThat(running).as("statement of %s ends at its balance", a.code())
                    .isEqualTo(w.ledger.balance(AccountRef.id(a.id()), asOf).posted());
            assertThat(lines).as("statement of %s has one line per posted movement", a.code())
                    .isEqualTo(w.ledger.statement(AccountRef.id(a.id()), LocalDate.of(2000, 1, 1), asOf, Optional.empty(), 1000)
                            .lines().size());
        }
        TrialBalance tb = w.ledger.trialBalance(asOf);
        for (CurrencyUnit c : List.of(EUR, USD)) {
            assertThat(tb.totalDebits(c)).as("trial balance in %s", c).isEqualTo(tb.totalCredits(c));
            BalanceSheet bs = w.ledger.balanceSheet(asOf, c);
            assertThat(bs.totalAssets()).as("assets = liabilities + equity + earnings in %s", c)
                    .isEqualTo(bs.totalLiabilities().plus(bs.totalEquity()).plus(bs.currentEarnings()));
            // all-time net income = earnings not yet closed + what year-end closes moved to retained earnings
            long closed = 0;
            for (JournalEntry e : w.ledger.journal(0, 10_000)) {
                if (e.kind() == EntryKind.CLOSING) {
                    for (EntryLine l : e.lines()) {
                        if (l.amount().getCurrencyUnit().equals(c) && w.ledger.account(AccountRef.id(l.account())).type() == AccountType.EQUITY) {
                            closed += l.side() == Side.CREDIT ? l.amount().getAmountMinorLong() : -l.amount().getAmountMinorLong();
                        }
                    }
                }
            }
            IncomeStatement is = w.ledger.incomeStatement(LocalDate.of(2000, 1, 1), asOf, c);
            assertThat(is.netIncome()).as("income statement agrees with the balance sheet and the closes in %s", c)
                    .isEqualTo(bs.currentEarnings().plus(Money.ofMinor(c, closed)));
        }
    }
}
