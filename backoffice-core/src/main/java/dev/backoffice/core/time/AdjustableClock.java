package dev.backoffice.core.time;

import dev.backoffice.core.validation.Check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until told to move: for tests, simulations and demos (the
 * demo jumps years ahead to run a disposition). Domain code never calls {@code Instant.now()};
 * it is handed a {@code Clock}, and this is the one to hand it when time must be controlled.
 * Thread-safe.
 */
public final class AdjustableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private AdjustableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock fixed at {@code start}, in UTC. */
    public static AdjustableClock startingAt(Instant start) {
        return new AdjustableClock(new AtomicReference<>(Check.notNull(start, "start")), ZoneOffset.UTC);
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration by) {
        Check.notNull(by, "by");
        now.updateAndGet(t -> t.plus(by));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(Check.notNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of the same moving instant in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(now, Check.notNull(zone, "zone"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }
}
