package dev.backoffice.core.testing;

import dev.backoffice.core.metrics.MetricsRecorder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MetricsRecorder} for tests: sums counters, counts timer records and distribution
 * samples, by {@code name} or {@code name|tag|value|...}.
 */
public final class RecordingMetrics implements MetricsRecorder {

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    @Override
    public void count(String name, long amount, String... tags) {
        add(name, tags, amount);
    }

    @Override
    public void time(String name, long nanos, String... tags) {
        add(name, tags, 1);
    }

    @Override
    public void sample(String name, double value, String... tags) {
        add(name, tags, (long) value);
    }

    private void add(String name, String[] tags, long amount) {
        values.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(amount);
        if (tags.length > 0) {
            values.computeIfAbsent(name + "|" + String.join("|", tags), k -> new AtomicLong()).addAndGet(amount);
        }
    }

    /** The counter's sum, the timer's record count or the samples' sum, for {@code key} (0 if never recorded). */
    public long get(String key) {
        AtomicLong v = values.get(key);
        return v == null ? 0 : v.get();
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(values).toString();
    }

    /** Forgets everything recorded. */
    public void clear() {
        values.clear();
    }
}
