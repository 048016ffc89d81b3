package dev.backoffice.ledger.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A separate JVM for the multi-process and crash tests: another instance of the application,
 * posting to the same PostgreSQL through its own {@link JdbcLedgerStore}.
 *
 * <pre>
 * LedgerChildProcess contend url user password tenant seconds   -> prints "RESULT drains=.. rejected=.. transfers=.."
 * LedgerChildProcess batches url user password tenant from count -> prints "DONE n" after each committed batch
 * </pre>
 */
public final class LedgerChildProcess {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Money DRAIN = Money.of(CurrencyUnit.EUR, 7);
    static final int BATCH_SIZE = 50;
    static final int SHARED_ACCOUNTS = 20;

    private LedgerChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setUsername(args[2]);
        config.setPassword(args[3]);
        config.setMaximumPoolSize(8);
        try (HikariDataSource ds = new HikariDataSource(config); JdbcLedgerStore store = JdbcLedgerStore.create(ds)) {
            TenantLedger ledger = Ledger.builder().store(store).build().forTenant(TenantId.of(args[4]));
            if (mode.equals("contend")) {
                contend(ledger, Integer.parseInt(args[5]));
            } else {
                batches(ledger, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            }
        }
        System.exit(0);
    }

    /** Eight threads: drains of the protected wallet and three-posting transfers among shared accounts with a fee. */
    private static void contend(TenantLedger ledger, int seconds) throws InterruptedException {
        AtomicInteger drains = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger transfers = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    try {
                        if (random.nextInt(3) == 0) {
                            ledger.post(EntryRequest.builder(DAY, "drain").debit("WALLET", DRAIN).credit("CASH", DRAIN).build());
                            drains.incrementAndGet();
                        } else {
                            int a = random.nextInt(SHARED_ACCOUNTS);
                            int b = (a + 1 + random.nextInt(SHARED_ACCOUNTS - 1)) % SHARED_ACCOUNTS;
                            Money amount = Money.ofMinor(CurrencyUnit.EUR, 100 + random.nextInt(10_000));
                            Money fee = Money.ofMinor(CurrencyUnit.EUR, 10);
                            ledger.post(EntryRequest.builder(DAY, "transfer").debit("S" + a, amount.plus(fee))
                                    .credit("S" + b, amount).credit("FEE", fee).build());
                            transfers.incrementAndGet();
                        }
                    } catch (BackofficeException e) {
                        if (e.code().equals("ledger.insufficient_funds")) {
                            rejected.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                            e.printStackTrace();
                        }
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("RESULT drains=" + drains + " rejected=" + rejected + " transfers=" + transfers + " failures=" + failures);
        System.out.flush();
    }

    /** Posts batches {@code from..from+count-1} of {@value #BATCH_SIZE} entries, four threads, keys "crash-b-i". */
    private static void batches(TenantLedger ledger, int from, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(from);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                int b;
                while ((b = next.getAndIncrement()) < from + count) {
                    ledger.postAll(batch(b));
                    System.out.println("DONE " + b);
                    System.out.flush();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Batch {@code b}: always the same entries with the same keys. */
    static List<EntryRequest> batch(int b) {
        List<EntryRequest> entries = new ArrayList<>(BATCH_SIZE);
        for (int i = 0; i < BATCH_SIZE; i++) {
            Money amount = Money.ofMinor(CurrencyUnit.EUR, 100 + (b * 31L + i * 7L) % 900);
            int a = (b + i) % SHARED_ACCOUNTS;
            int c = (a + 1 + i % (SHARED_ACCOUNTS - 1)) % SHARED_ACCOUNTS;
            entries.add(EntryRequest.builder(DAY, "batch " + b + " entry " + i).debit("S" + a, amount).credit("S" + c, amount)
                    .idempotencyKey("crash-" + b + "-" + i).build());
        }
        return entries;
    }
}
