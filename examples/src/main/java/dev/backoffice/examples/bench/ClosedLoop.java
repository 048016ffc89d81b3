package dev.backoffice.examples.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The load generator the JDBC benchmarks share: {@code callers} threads each call in a closed
 * loop (a caller waits for its call before making the next), first for a warm-up, then for the
 * measured window. Latency is measured per call from the caller's side and kept in plain arrays,
 * sorted once at the end (no sampling, no histogram error). A call counts when it both starts and
 * ends inside the window; a failed call counts as an error (the caller pauses a millisecond and
 * goes on), never as a latency.
 */
public final class ClosedLoop {

    /** What one caller thread does, made once per thread so it may keep its own buffers. */
    public interface Caller {
        /** Untimed work before each call (choosing its arguments). */
        default void prepare() {
        }

        /** The timed call. */
        void call() throws Exception;
    }

    /**
     * One measured window.
     *
     * @param calls         calls completed in the window
     * @param seconds       length of the window
     * @param callsPerSecond throughput
     * @param p50Micros     median call latency
     * @param p99Micros     99th percentile call latency
     * @param maxMicros     slowest call
     * @param errors        failed calls, warm-up included (should be zero)
     * @param firstError    the first failure, or null
     */
    public record Measurement(long calls, double seconds, double callsPerSecond, double p50Micros, double p99Micros,
                              double maxMicros, long errors, String firstError) {
    }

    private static final int WARM_UP = 0;
    private static final int MEASURING = 1;
    private static final int STOP = 2;

    private ClosedLoop() {
    }

    /**
     * Runs {@code callers} threads, each with its own {@link Caller} from {@code caller} (given
     * the thread's index), for {@code warmupSeconds}, then measures {@code seconds}.
     */
    public static Measurement run(int callers, double warmupSeconds, double seconds, IntFunction<Caller> caller)
            throws InterruptedException {
        AtomicLong phase = new AtomicLong(WARM_UP);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[callers][];
        int[] counts = new int[callers];
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(callers);
        for (int t = 0; t < callers; t++) {
            int me = t;
            Caller c = caller.apply(t);
            Thread thread = new Thread(() -> {
                long[] lat = new long[1 << 12];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                while (phase.get() < STOP) {
                    c.prepare();
                    boolean measured = phase.get() == MEASURING;
                    long t0 = System.nanoTime();
                    try {
                        c.call();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        LockSupport.parkNanos(1_000_000);
                        continue;
                    }
                    long took = System.nanoTime() - t0;
                    if (measured && phase.get() == MEASURING) {
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
        phase.set(MEASURING);
        Thread.sleep((long) (seconds * 1000));
        phase.set(STOP);
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
        return new Measurement(k, window, k / window, percentile(all, k, 0.50), percentile(all, k, 0.99),
                k == 0 ? 0 : all[k - 1] / 1e3, errors.get(), firstError.get());
    }

    private static double percentile(long[] sorted, int n, double p) {
        if (n == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1))] / 1e3;
    }

    /** A latency for the README's tables: µs below a millisecond, ms with one decimal below ten, whole ms above. */
    public static String micros(double us) {
        return us >= 10_000 ? String.format(Locale.ROOT, "%.0f ms", us / 1000) : us >= 1000
                ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }
}
