package dev.backoffice.core.money;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.validation.Check;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Money arithmetic the SDK needs on top of Joda-Money, with no floating point anywhere.
 *
 * <ul>
 *   <li>Stores keep amounts as a {@code long} count of the currency's minor unit (cents, grosze,
 *       pence). {@link #toMinor(Money)} and {@link #ofMinor(CurrencyUnit, long)} convert, and
 *       the {@code *Exact} methods fail with {@code money.overflow} instead of wrapping.</li>
 *   <li>Every operation that can produce more decimals than the currency has takes an explicit
 *       {@link RoundingMode}; nothing rounds silently.</li>
 *   <li>{@link #allocate(Money, List)} splits an amount by ratios so that the parts always add
 *       up to the whole, to the last minor unit.</li>
 * </ul>
 */
public final class MoneyMath {

    private MoneyMath() {
    }

    /** The amount in minor units, e.g. PLN 12.34 is 1234. Fails if it does not fit a long. */
    public static long toMinor(Money money) {
        Check.notNull(money, "money");
        try {
            return money.getAmountMinorLong();
        } catch (ArithmeticException e) {
            throw CoreErrorCode.MONEY_OVERFLOW.rule("amount does not fit in 64-bit minor units: " + money);
        }
    }

    /** The money worth {@code minor} minor units of {@code currency}. */
    public static Money ofMinor(CurrencyUnit currency, long minor) {
        return Money.ofMinor(Check.notNull(currency, "currency"), minor);
    }

    /**
     * Converts a decimal amount to money, rounding to the currency's scale with {@code rounding}.
     * Use {@link RoundingMode#UNNECESSARY} to reject amounts with too many decimals.
     */
    public static Money of(CurrencyUnit currency, BigDecimal amount, RoundingMode rounding) {
        Check.notNull(currency, "currency");
        Check.notNull(amount, "amount");
        Check.notNull(rounding, "rounding");
        try {
            return Money.of(currency, amount, rounding);
        } catch (ArithmeticException e) {
            throw InvalidRequestException.of("amount",
                    "has more decimals than " + currency.getCode() + " allows (" + currency.getDecimalPlaces() + ")", amount);
        }
    }

    /** {@code a + b}, failing with {@code money.overflow} instead of wrapping around. */
    public static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw CoreErrorCode.MONEY_OVERFLOW.rule("amount overflow: " + a + " + " + b);
        }
    }

    /** {@code a - b}, failing with {@code money.overflow} instead of wrapping around. */
    public static long subtractExact(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw CoreErrorCode.MONEY_OVERFLOW.rule("amount overflow: " + a + " - " + b);
        }
    }

    /** {@code a * b}, failing with {@code money.overflow} instead of wrapping around. */
    public static long multiplyExact(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw CoreErrorCode.MONEY_OVERFLOW.rule("amount overflow: " + a + " * " + b);
        }
    }

    /** {@code a + b} in the same currency, checked to fit in minor units. */
    public static Money plus(Money a, Money b) {
        requireSameCurrency(a, b);
        return ofMinor(a.getCurrencyUnit(), addExact(toMinor(a), toMinor(b)));
    }

    /** {@code a - b} in the same currency, checked to fit in minor units. */
    public static Money minus(Money a, Money b) {
        requireSameCurrency(a, b);
        return ofMinor(a.getCurrencyUnit(), subtractExact(toMinor(a), toMinor(b)));
    }

    /** {@code money * factor}, rounded to the currency's scale with {@code rounding}. */
    public static Money multiply(Money money, BigDecimal factor, RoundingMode rounding) {
        Check.notNull(money, "money");
        Check.notNull(factor, "factor");
        Check.notNull(rounding, "rounding");
        Money result = money.multipliedBy(factor, rounding);
        toMinor(result); // overflow check
        return result;
    }

    /**
     * {@code money * percent / 100}, rounded with {@code rounding}: e.g. 23% VAT or 9.76% pension
     * contribution.
     */
    public static Money percent(Money money, BigDecimal percent, RoundingMode rounding) {
        Check.notNull(percent, "percent");
        return multiply(money, percent.movePointLeft(2), rounding);
    }

    /** Fails with {@code money.currency_mismatch} unless both amounts share a currency. */
    public static void requireSameCurrency(Money a, Money b) {
        Check.notNull(a, "a");
        Check.notNull(b, "b");
        if (!a.getCurrencyUnit().equals(b.getCurrencyUnit())) {
            throw CoreErrorCode.MONEY_CURRENCY_MISMATCH.rule(
                    "currencies differ: " + a.getCurrencyUnit() + " and " + b.getCurrencyUnit());
        }
    }

    /**
     * Splits {@code total} into parts proportional to {@code ratios}, losing no minor unit.
     *
     * <p>Method: largest remainder (Hamilton). Each part first gets the floor of its exact share
     * (in minor units, towards zero for negative totals); the minor units left over are handed
     * out one each to the parts with the largest remainders, ties broken by position (earlier
     * first). The result is deterministic and {@code sum(parts) == total} always holds.
     *
     * @param total  the amount to split; may be negative (parts then carry its sign)
     * @param ratios non-negative weights, at least one, not all zero
     * @return one part per ratio, in the same order
     */
    public static List<Money> allocate(Money total, List<BigDecimal> ratios) {
        Check.notNull(total, "total");
        Check.notEmpty(ratios, "ratios");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < ratios.size(); i++) {
            BigDecimal r = ratios.get(i);
            Check.notNull(r, "ratios[" + i + "]");
            Check.that(r.signum() >= 0, "ratios[" + i + "]", "must not be negative", r);
            sum = sum.add(r);
        }
        Check.that(sum.signum() > 0, "ratios", "must not all be zero", ratios);

        long totalMinor = toMinor(total);
        BigInteger magnitude = BigInteger.valueOf(totalMinor).abs();
        int sign = Long.signum(totalMinor);
        int n = ratios.size();
        long[] parts = new long[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigInteger handedOut = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = new BigDecimal(magnitude).multiply(ratios.get(i));
            BigDecimal[] qr = exact.divideAndRemainder(sum);
            BigInteger floor = qr[0].toBigIntegerExact();
            parts[i] = floor.longValueExact();
            remainders[i] = qr[1];
            handedOut = handedOut.add(floor);
        }
        long leftOver = magnitude.subtract(handedOut).longValueExact();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < leftOver; k++) {
            parts[order.get(k)]++;
        }
        List<Money> result = new ArrayList<>(n);
        for (long part : parts) {
            result.add(ofMinor(total.getCurrencyUnit(), sign * part));
        }
        return List.copyOf(result);
    }

    /** {@link #allocate(Money, List)} with whole-number weights, e.g. {@code allocate(total, 1, 1, 1)}. */
    public static List<Money> allocate(Money total, long... ratios) {
        Check.notNull(ratios, "ratios");
        List<BigDecimal> weights = new ArrayList<>(ratios.length);
        for (long r : ratios) {
            weights.add(BigDecimal.valueOf(r));
        }
        return allocate(total, weights);
    }

    /** Parses a currency code such as {@code PLN}; unknown codes are an invalid request. */
    public static CurrencyUnit currency(String code, String field) {
        Check.notBlank(code, field);
        try {
            return CurrencyUnit.of(code);
        } catch (RuntimeException e) {
            throw InvalidRequestException.of(field, "is not a known ISO 4217 currency code", code);
        }
    }
}
