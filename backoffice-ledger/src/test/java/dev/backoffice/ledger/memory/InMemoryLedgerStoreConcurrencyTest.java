package dev.backoffice.ledger.memory;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.TrialBalance;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads that need movements file them under their accounts on demand (the store's lazy index):
 * while writers post, every such read must still see whole units of work, never half of one.
 */
class InMemoryLedgerStoreConcurrencyTest {

    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void reportsReadWhileWritersPostAlwaysBalance() throws Exception {
        TenantLedger ledger = Ledger.builder().store(InMemoryLedgerStore.create()).build().forTenant(TenantId.of("concurrent"));
        List<OpenAccount> chart = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            chart.add(OpenAccount.of("A" + i, "Account " + i, AccountType.ASSET, EUR));
        }
        List<AccountId> ids = ledger.openAll(chart).stream().map(a -> a.id()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int seed = w;
            writers.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int n = 0; n < 20_000; n++) {
                    int a = random.nextInt(ids.size());
                    int b = (a + 1 + random.nextInt(ids.size() - 1)) % ids.size();
                    // three postings: a unit whose halves would show in a torn read
                    ledger.post(EntryRequest.builder(DAY, "t").debit(ids.get(a), Money.ofMinor(EUR, 300))
                            .credit(ids.get(b), Money.ofMinor(EUR, 100)).credit(ids.get(b), Money.ofMinor(EUR, 200)).build());
                }
                return 20_000;
            }));
        }
        List<Future<Integer>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int reader = r;
            readers.add(pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    if (reader == 0) {
                        TrialBalance tb = ledger.trialBalance(DAY);
                        assertThat(tb.totalDebits(EUR)).isEqualTo(tb.totalCredits(EUR));
                    } else {
                        assertThat(ledger.balanceSheet(DAY, EUR).totalAssets()).isEqualTo(Money.zero(EUR));
                    }
                    reads++;
                }
                return reads;
            }));
        }
        int posted = 0;
        for (Future<Integer> f : writers) {
            posted += f.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        int reads = 0;
        for (Future<Integer> f : readers) {
            reads += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(reads).isPositive();
        assertThat(ledger.journal(0, 10_000)).hasSize(10_000);
        TrialBalance end = ledger.trialBalance(DAY);
        assertThat(end.totalDebits(EUR)).isEqualTo(end.totalCredits(EUR));
        assertThat(posted).isEqualTo(40_000);
    }
}
