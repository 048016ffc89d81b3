package dev.backoffice.payroll.jurisdiction;

/** Read access to an employee's year-to-date accumulators (minor units) before the period. */
@FunctionalInterface
public interface YtdView {
    /** The accumulated value of {@code key}, zero if never accumulated. */
    long get(String key);

    /** An empty year. */
    static YtdView empty() {
        return key -> 0L;
    }
}
