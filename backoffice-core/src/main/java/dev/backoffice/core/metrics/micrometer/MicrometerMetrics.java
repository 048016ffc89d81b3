package dev.backoffice.core.metrics.micrometer;

import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.validation.Check;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SDK's metrics in a Micrometer {@link MeterRegistry}. Micrometer is an optional dependency
 * of the SDK: this class is loaded only by an application that calls {@link #create}, so one
 * without Micrometer never needs it (the HikariCP way).
 *
 * <pre>{@code
 * Jdbc jdbc = Jdbc.of(dataSource).withMetrics(MicrometerMetrics.create(meterRegistry));
 * }</pre>
 */
public final class MicrometerMetrics implements MetricsRecorder {

    private final MeterRegistry registry;
    /** Meters by name and tags: registering looks a meter up by its id, which costs more than this map. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Metrics recorded in {@code registry}.
     *
     * @param registry the application's registry (Spring Boot's, say)
     * @return the recorder to pass to {@code Jdbc.withMetrics}
     */
    public static MicrometerMetrics create(MeterRegistry registry) {
        return new MicrometerMetrics(Check.notNull(registry, "registry"));
    }

    @Override
    public void count(String name, long amount, String... tags) {
        counters.computeIfAbsent(key(name, tags), k -> Counter.builder(name).tags(tags)
                .description(Meters.description(name)).register(registry)).increment(amount);
    }

    @Override
    public void time(String name, long nanos, String... tags) {
        timers.computeIfAbsent(key(name, tags), k -> Timer.builder(name).tags(tags)
                .description(Meters.description(name)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void sample(String name, double value, String... tags) {
        summaries.computeIfAbsent(key(name, tags), k -> DistributionSummary.builder(name).tags(tags)
                .description(Meters.description(name)).register(registry)).record(value);
    }

    private static String key(String name, String[] tags) {
        return tags.length == 0 ? name : name + '|' + String.join("|", tags);
    }
}
