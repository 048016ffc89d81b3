package dev.backoffice.examples.bench.ledger;

import dev.backoffice.examples.bench.ClosedLoop;
import dev.backoffice.examples.bench.ClosedLoop.Measurement;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The ledger's scenarios on the shared {@link ClosedLoop}: each caller picks its accounts and
 * amounts (untimed), then posts one entry or one batch to a {@link LedgerJdbcBenchTarget}.
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
        Measurement m = ClosedLoop.run(callers, warmupSeconds, seconds, me -> new ClosedLoop.Caller() {
            private final int[] debits = new int[perCall];
            private final int[] credits = new int[perCall];
            private final long[] amounts = new long[perCall];

            @Override
            public void prepare() {
                ThreadLocalRandom random = ThreadLocalRandom.current();
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
            }

            @Override
            public void call() throws Exception {
                if (scenario == Scenario.BATCH) {
                    target.postBatch(debits, credits, amounts);
                } else {
                    target.post(debits[0], credits[0], amounts[0]);
                }
            }
        });
        long entries = m.calls() * perCall;
        return new Result(database, target.name(), scenario, callers, perCall, entries, m.calls(), m.seconds(),
                entries / m.seconds(), m.p50Micros(), m.p99Micros(), m.maxMicros(), m.errors(), m.firstError());
    }
}
