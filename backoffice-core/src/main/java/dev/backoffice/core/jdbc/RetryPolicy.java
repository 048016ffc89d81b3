package dev.backoffice.core.jdbc;

import dev.backoffice.core.validation.Check;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a transaction is retried after a serialization failure or a
 * deadlock: exponential backoff with full jitter (a random wait between zero and the cap), so
 * colliding writers spread out instead of colliding again in lock step.
 *
 * @param maxAttempts  attempts in all, including the first (1 = never retry)
 * @param initialDelay cap of the wait before the first retry
 * @param maxDelay     cap of any single wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** 10 attempts, waits capped from 2 ms doubling up to 200 ms. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMillis(2), Duration.ofMillis(200));

    /** Never retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Check.that(maxAttempts >= 1, "maxAttempts", "must be at least 1", maxAttempts);
        Check.notNull(initialDelay, "initialDelay");
        Check.notNull(maxDelay, "maxDelay");
        Check.that(!initialDelay.isNegative(), "initialDelay", "must not be negative", initialDelay);
        Check.that(maxDelay.compareTo(initialDelay) >= 0, "maxDelay", "must be at least initialDelay", maxDelay);
    }

    /** The randomized wait in nanoseconds before attempt number {@code attempt + 1} (attempt counts from 1). */
    long backoffNanos(int attempt) {
        long cap = initialDelay.toNanos() << Math.min(attempt - 1, 20);
        cap = Math.min(cap <= 0 ? Long.MAX_VALUE : cap, maxDelay.toNanos());
        return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    }
}
