package dev.backoffice.core.id;

import dev.backoffice.core.error.InvalidRequestException;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates time-ordered UUIDs (version 7, RFC 9562) and parses caller-supplied ones.
 *
 * <p>Version 7 ids start with the Unix time in milliseconds, so ids generated later sort later
 * and B-tree indexes stay append-mostly. Within one millisecond the 12-bit {@code rand_a} field
 * is a counter seeded randomly (RFC 9562 method 1, "fixed bit-length dedicated counter"), so ids
 * from one JVM and one clock are strictly increasing, also when the counter spills into the next
 * millisecond; the 62-bit {@code rand_b} is random. A clock set back by more than ten seconds
 * (a test or simulation clock) restarts the sequence at its own time.
 *
 * <p>The random bits come from {@link ThreadLocalRandom}, not {@code SecureRandom}: ids must be
 * unique, not secret (62 random bits per millisecond and JVM make a collision across JVMs
 * negligible), and a CSPRNG draw cost the ledger's hot path 12-15% of its time. Never use an id
 * as a capability or an access token.
 *
 * <p>Typed ids ({@code AccountId}, {@code EmployeeId}...) are records wrapping a UUID; they call
 * {@link #newId()} for fresh ids and {@link #parse(String, String)} / {@link #require(UUID, String)}
 * for ids supplied by callers. Callers may always supply their own id: a retried command with
 * the same id is how idempotency works.
 */
public final class Ids {

    /** Packs (millis << 12 | counter) so one CAS keeps ids monotonic across threads. */
    private static final AtomicLong LAST = new AtomicLong();
    /** How far a clock may step back and still continue the sequence rather than restart it. */
    private static final long MAX_REGRESSION_MILLIS = 10_000;

    private Ids() {
    }

    /** A fresh version 7 UUID using the system clock. */
    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    /** A fresh version 7 UUID whose timestamp comes from {@code clock}. */
    public static UUID newId(Clock clock) {
        long now = clock.millis();
        long packed;
        while (true) {
            long last = LAST.get();
            long lastMillis = last >>> 12;
            long candidate;
            if (now > lastMillis || now < lastMillis - MAX_REGRESSION_MILLIS) {
                // A new millisecond (or a clock set far back, as tests do): start a fresh counter,
                // seeded randomly but leaving room to count up.
                candidate = (now << 12) | (ThreadLocalRandom.current().nextInt(1 << 11));
            } else {
                // Same millisecond, or slightly behind after the counter spilled over: count up.
                candidate = last + 1;
            }
            if (LAST.compareAndSet(last, candidate)) {
                packed = candidate;
                break;
            }
        }
        long millis = packed >>> 12;
        long counter = packed & 0xFFF;
        long msb = (millis << 16) | (0x7L << 12) | counter;
        long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Checks that a caller-supplied id is present. */
    public static UUID require(UUID value, String field) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null", null);
        }
        return value;
    }

    /** Parses a caller-supplied id in canonical 8-4-4-4-12 form. */
    public static UUID parse(String text, String field) {
        if (text == null) {
            throw InvalidRequestException.of(field, "must not be null", null);
        }
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(field, "must be a UUID like 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", text);
        }
    }

    /** The Unix time in milliseconds stored in a version 7 UUID. */
    public static long timestampMillis(UUID v7) {
        if (v7.version() != 7) {
            throw InvalidRequestException.of("id", "must be a version 7 UUID", v7);
        }
        return v7.getMostSignificantBits() >>> 16;
    }
}
