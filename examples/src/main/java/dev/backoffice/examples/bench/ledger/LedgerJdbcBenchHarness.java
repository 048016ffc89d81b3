package dev.backoffice.examples.bench.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: {@code callers} threads call a {@link LedgerJdbcBenchTarget} in a closed
 * loop (each waits for its call before the next), first for a warm-up, then for the measured
 * window. Latency is measured per call from the caller's side, kept in plain arrays, sorted once
 * at the end (no sampling, no histogram error).
 */
final class LedgerJdbcBenchHarness {

    /** What each call posts. */
    enum Scenario {
        /** One entry per call between two random accounts among all. */
        RANDOM("64 callers, one entry each, random accounts"),
        /** One entry per call from a random account to the hot account. */
        HOT("64 callers, one entry each, all credit one hot account"),
        /** {@code batchSize} entries per call between random accounts, atomic. */
        BATCH("batch API, 1,000 entries per call");

        final String title;

        Scenario(String title) {
            this.title = title;
        }
    }

    /**
     * One measured scenario.
     *
     * @param entries          entries posted in the measured window
     * @param calls            calls completed in the measured window
     * @param seconds          length of the measured window
     * @param entriesPerSecond throughput
     * @param p50Micros        median call latency
     * @param p99Micros        99th percentile call latency
     * @param maxMicros        slowest call
     * @param errors           failed calls (should be zero)
     * @param firstError       the first failure, if any
     */
    record Result(String database, String target, Scenario scenario, int callers, int entriesPerCall, long entries,
                  long calls, double seconds, double entriesPerSecond, double p50Micros, double p99Micros,
                  double maxMicros, long errors, String firstError) {
    }

    private LedgerJdbcBenchHarness() {
    }

    static Result run(String database, LedgerJdbcBenchTarget target, Scenario scenario, int callers, int accounts,
                      int batchSize, double warmupSeconds, double seconds) throws InterruptedException {
        int perCall = scenario == Scenario.BATCH ? batchSize : 1;
        // 0 = warm-up, 1 = measuring, 2 = stop
        AtomicLong phase = new AtomicLong(0);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[callers][];
        int[] counts = new int[callers];
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(callers);
        for (int t = 0; t < callers; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                long[] lat = new long[1 << 14];
                int n = 0;
                int[] debits = new int[perCall];
                int[] credits = new int[perCall];
                long[] amounts = new long[perCall];
                ThreadLocalRandom random = ThreadLocalRandom.current();
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                while (phase.get() < 2) {
                    for (int i = 0; i < perCall; i++) {
                        int a = random.nextInt(accounts);
                        int b = scenario == Scenario.HOT ? accounts : random.nextInt(accounts - 1);
                        if (scenario != Scenario.HOT && b >= a) {
                            b++; // distinct from a
                        }
                        debits[i] = a;
                        credits[i] = b;
                        amounts[i] = 1 + random.nextInt(100);
                    }
                    boolean measured = phase.get() == 1;
                    long t0 = System.nanoTime();
                    try {
                        if (scenario == Scenario.BATCH) {
                            target.postBatch(debits, credits, amounts);
                        } else {
                            target.post(debits[0], credits[0], amounts[0]);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        LockSupport.parkNanos(1_000_000);
                        continue;
                    }
                    long took = System.nanoTime() - t0;
                    if (measured && phase.get() == 1) {
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = took;
                    }
                }
                latencies[me] = lat;
                counts[me] = n;
            }, "bench-caller-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        go.countDown();
        Thread.sleep((long) (warmupSeconds * 1000));
        long start = System.nanoTime();
        phase.set(1);
        Thread.sleep((long) (seconds * 1000));
        phase.set(2);
        long end = System.nanoTime();
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < callers; t++) {
            if (latencies[t] != null) {
                System.arraycopy(latencies[t], 0, all, k, counts[t]);
                k += counts[t];
            }
        }
        Arrays.sort(all, 0, k);
        double window = (end - start) / 1e9;
        long entries = (long) k * perCall;
        return new Result(database, target.name(), scenario, callers, perCall, entries, k, window, entries / window,
                percentile(all, k, 0.50), percentile(all, k, 0.99), k == 0 ? 0 : all[k - 1] / 1e3, errors.get(),
                firstError.get());
    }

    private static double percentile(long[] sorted, int n, double p) {
        if (n == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1e3;
    }
}
