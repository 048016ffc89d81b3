package dev.backoffice.examples.bench.ledger;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountFlag;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.Balance;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory ledger on one thread: posting two-posting entries (accounts by id and by chart
 * code, with and without balance-limit flags), posting atomic batches, and reading a balance.
 * A fresh store per iteration keeps the heap bounded.
 *
 * <p>The in-memory store keeps every entry on the heap, so nearly everything a post allocates
 * survives: the fork runs the throughput collector with a large young generation
 * ({@code -XX:+UseParallelGC -Xmn3g -XX:MaxTenuringThreshold=0}: what survives is promoted at once
 * instead of being copied between survivor spaces), the setting such a process should use. Pass
 * {@code -jvmArgs "-Xms6g -Xmx6g"} to measure with the default G1 collector instead.
 *
 * <pre>
 * java -cp examples/target/backoffice-examples.jar org.openjdk.jmh.Main LedgerMemoryBench \
 *     -f 1 -wi 2 -w 2s -i 3 -r 3s -rf json -rff examples/target/ledger-memory-jmh.json
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-Xmn3g", "-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class LedgerMemoryBench {

    private static final int ACCOUNTS = 1000;
    private static final int REQUESTS = 4096;
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private TenantLedger ledger;
    private EntryRequest[] byId;
    private EntryRequest[] byCode;
    private EntryRequest[] flagged;
    private List<List<EntryRequest>> batches;
    private AccountRef[] refs;
    private int next;

    @Setup(Level.Iteration)
    public void setUp() {
        // The previous iteration's store is garbage now: collect it here, outside the measurement,
        // so each iteration measures one store growing from empty (as an application's one store
        // would), not the clean-up of the stores of earlier iterations.
        ledger = null;
        System.gc();
        ledger = Ledger.builder().store(InMemoryLedgerStore.create()).clock(Clock.systemUTC()).build()
                .forTenant(TenantId.of("bench"));
        List<OpenAccount> chart = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            chart.add(OpenAccount.of("A" + i, "Account " + i, AccountType.ASSET, EUR));
            chart.add(OpenAccount.of("W" + i, "Wallet " + i, AccountType.LIABILITY, EUR)
                    .flags(AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
        }
        ledger.openAll(chart);
        AccountId[] ids = new AccountId[ACCOUNTS];
        refs = new AccountRef[ACCOUNTS];
        for (int i = 0; i < ACCOUNTS; i++) {
            ids[i] = ledger.account("A" + i).id();
            refs[i] = AccountRef.id(ids[i]);
            // fund every wallet generously so flagged transfers succeed
            ledger.post(EntryRequest.builder(DAY, "fund").debit("A" + i, Money.of(EUR, 1_000_000_000))
                    .credit("W" + i, Money.of(EUR, 1_000_000_000)).build());
        }
        SplittableRandom random = new SplittableRandom(42);
        byId = new EntryRequest[REQUESTS];
        byCode = new EntryRequest[REQUESTS];
        flagged = new EntryRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            int a = random.nextInt(ACCOUNTS);
            int b = (a + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            Money amount = Money.ofMinor(EUR, 1 + random.nextInt(10_000));
            byId[i] = EntryRequest.builder(DAY, "transfer").debit(ids[a], amount).credit(ids[b], amount).build();
            byCode[i] = EntryRequest.builder(DAY, "transfer").debit("A" + a, amount).credit("A" + b, amount).build();
            flagged[i] = EntryRequest.builder(DAY, "wallet transfer").debit("W" + a, amount).credit("W" + b, amount).build();
        }
        batches = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i += 100) {
            batches.add(List.of(byId).subList(i, Math.min(REQUESTS, i + 100)));
        }
        next = 0;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (REQUESTS - 1);
        return i;
    }

    /** One two-posting entry, accounts named by id. */
    @Benchmark
    public JournalEntry postTwoPostingsById() {
        return ledger.post(byId[nextIndex()]);
    }

    /** One two-posting entry, accounts named by chart code. */
    @Benchmark
    public JournalEntry postTwoPostingsByCode() {
        return ledger.post(byCode[nextIndex()]);
    }

    /** One two-posting entry between two accounts flagged debits-must-not-exceed-credits. */
    @Benchmark
    public JournalEntry postTwoPostingsFlagged() {
        return ledger.post(flagged[nextIndex()]);
    }

    /** An atomic batch of 100 two-posting entries (score x 100 = entries per second). */
    @Benchmark
    public List<JournalEntry> postBatchOf100() {
        List<JournalEntry> r = ledger.postAll(batches.get(next));
        next = (next + 1) % batches.size();
        return r;
    }

    /** The current balance of an account (posted, pending, available). */
    @Benchmark
    public Balance balanceNow() {
        return ledger.balance(refs[nextIndex() & 511]);
    }
}
