package dev.backoffice.core.metrics;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.ConflictException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;

/**
 * Where the SDK reports the numbers an operator watches (the meters are named in {@link Meters}).
 * The SDK records through this SPI only; it does not depend on a metrics library. Every method
 * does nothing by default ({@link #NONE}); the Micrometer implementation,
 * {@code dev.backoffice.core.metrics.micrometer.MicrometerMetrics.create(meterRegistry)}, is used
 * only when the application passes one, the way HikariCP takes a {@code MeterRegistry}:
 * <pre>{@code
 * Jdbc jdbc = Jdbc.of(dataSource).withMetrics(MicrometerMetrics.create(meterRegistry));
 * }</pre>
 * Every store built over that helper then reports its transactions, and the JDBC ledger its
 * group commits.
 *
 * <p>Implementations are called on the SDK's threads (callers' and the ledger's committers'),
 * once per transaction or group, never per row; they must be thread-safe, cheap and must not
 * throw. Tags come as name/value pairs, of low cardinality (never a tenant or an id).
 */
public interface MetricsRecorder {

    /** Records nothing: the default everywhere. */
    MetricsRecorder NONE = new MetricsRecorder() {
    };

    /**
     * Adds {@code amount} to the counter {@code name}.
     *
     * @param name   a {@link Meters} name
     * @param amount how many
     * @param tags   name/value pairs
     */
    default void count(String name, long amount, String... tags) {
    }

    /**
     * Records one duration of the timer {@code name}.
     *
     * @param name  a {@link Meters} name
     * @param nanos the duration in nanoseconds
     * @param tags  name/value pairs
     */
    default void time(String name, long nanos, String... tags) {
    }

    /**
     * Records one value of the distribution {@code name} (a group's size, say).
     *
     * @param name  a {@link Meters} name
     * @param value the value
     * @param tags  name/value pairs
     */
    default void sample(String name, double value, String... tags) {
    }

    /**
     * Records a typed error: {@link Meters#ERRORS} by code and type, and {@link Meters#CONFLICTS}
     * by code when it is a conflict.
     *
     * @param error the error an SDK call ended with
     */
    default void error(BackofficeException error) {
        String type = error instanceof ConflictException ? "conflict"
                : error instanceof RuleViolationException ? "rule"
                : error instanceof InvalidRequestException ? "invalid"
                : error instanceof NotFoundException ? "not_found"
                : "storage";
        count(Meters.ERRORS, 1, "code", error.code(), "type", type);
        if (error instanceof ConflictException) {
            count(Meters.CONFLICTS, 1, "code", error.code());
        }
    }
}
