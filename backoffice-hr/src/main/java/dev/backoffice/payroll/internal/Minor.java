package dev.backoffice.payroll.internal;

import dev.backoffice.core.money.MoneyMath;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact integer arithmetic on minor units with explicit rounding: the hot path of payroll runs
 * without BigDecimal. Overflow fails with {@code money.overflow}.
 */
public final class Minor {
    /** Parts per million of one: a percentage p is {@code p * 10_000} ppm. */
    public static final long PPM = 1_000_000L;

    private Minor() {
    }

    /** {@code amount * ppm / 1_000_000}, rounded. */
    public static long rate(long amount, long ppm, RoundingMode mode) {
        return muldiv(amount, ppm, PPM, mode);
    }

    /** {@code amount * num / den} ({@code den > 0}), rounded with {@code mode}. */
    public static long muldiv(long amount, long num, long den, RoundingMode mode) {
        if (den <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + den);
        }
        long p = MoneyMath.multiplyExact(amount, num);
        return div(p, den, mode);
    }

    /**
     * A fractional amount of minor units (hours × rate, salary × days / days...) rounded to whole
     * minor units with {@code mode}; fails if it does not fit in a long.
     */
    public static long round(BigDecimal minorUnits, RoundingMode mode) {
        return minorUnits.setScale(0, mode).longValueExact();
    }

    /** {@code p / den} ({@code den > 0}), rounded with {@code mode}. */
    public static long div(long p, long den, RoundingMode mode) {
        long q = Math.floorDiv(p, den);
        long r = p - q * den; // 0 <= r < den
        if (r == 0) {
            return q;
        }
        boolean negative = p < 0;
        switch (mode) {
            case FLOOR:
                return q;
            case CEILING:
                return q + 1;
            case DOWN:
                return negative ? q + 1 : q;
            case UP:
                return negative ? q : q + 1;
            case HALF_UP: {
                long twice = 2 * r;
                if (twice > den) {
                    return q + 1;
                }
                if (twice < den) {
                    return q;
                }
                return negative ? q : q + 1;
            }
            case HALF_DOWN: {
                long twice = 2 * r;
                if (twice > den) {
                    return q + 1;
                }
                if (twice < den) {
                    return q;
                }
                return negative ? q + 1 : q;
            }
            case HALF_EVEN: {
                long twice = 2 * r;
                if (twice > den) {
                    return q + 1;
                }
                if (twice < den) {
                    return q;
                }
                return (q & 1) == 0 ? q : q + 1;
            }
            default:
                throw new ArithmeticException("rounding necessary: " + p + "/" + den);
        }
    }

    /** Rounds minor units to a multiple of {@code unit} (e.g. 100 for full złoty or pounds). */
    public static long toUnit(long amount, long unit, RoundingMode mode) {
        return div(amount, unit, mode) * unit;
    }

    /** Renders parts per million as a percentage, e.g. {@code 97600 -> "9.76%"}. */
    public static String percent(long ppm) {
        int slot = (int) (ppm ^ (ppm >>> 17)) & (PERCENTS.length - 1);
        Percent p = PERCENTS[slot];
        if (p != null && p.ppm == ppm) {
            return p.text;
        }
        p = new Percent(ppm, java.math.BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%");
        PERCENTS[slot] = p; // racy but safe: Percent is immutable
        return p.text;
    }

    private record Percent(long ppm, String text) {
    }

    private static final Percent[] PERCENTS = new Percent[256];
}
