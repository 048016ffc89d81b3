package dev.backoffice.invoicing.einvoice.internal;

import dev.backoffice.invoicing.InvoiceLine;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A line's discount as FA(3) carries it. FA(3) has no discount percentage, only the amount off
 * ({@code P_10}: quantity times unit price less the net {@code P_11}), so reading a document back
 * recovers the percentage: the two-decimal percentage nearest to {@code P_10 / (P_8B x P_9A)}
 * that gives the same net {@code P_11}. The same function makes the expected value
 * ({@code InvoiceDocument.fa3View()}), so reading back is exact; the percentage equals the
 * original whenever the document determines it (a line of more than 100 currency units, say).
 */
public final class Fa3Lines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal STEP = new BigDecimal("0.01");
    private static final int MAX_STEPS = 200;

    private Fa3Lines() {
    }

    /** The {@code P_10} of {@code line} as the FA(3) writer writes it, or null when the line has no discount. */
    public static BigDecimal discountAmount(InvoiceLine line) {
        if (line.discountPercent().signum() <= 0) {
            return null;
        }
        BigDecimal full = line.quantity().multiply(line.unitNetPrice().getAmount());
        return plain(full.subtract(line.netValue().getAmount()).setScale(8, RoundingMode.HALF_UP));
    }

    /**
     * The discount percentage of a line of {@code quantity} at {@code price} whose discount amount
     * is {@code amount} (null: none) and whose net is {@code net}.
     */
    public static BigDecimal percent(BigDecimal quantity, BigDecimal price, BigDecimal amount, Money net) {
        if (amount == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal full = quantity.multiply(price);
        if (full.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal first = clamp(amount.multiply(HUNDRED).divide(full, 2, RoundingMode.HALF_UP));
        for (int i = 0; i <= MAX_STEPS; i++) {
            for (int sign : new int[] {1, -1}) {
                BigDecimal p = clamp(first.add(STEP.multiply(BigDecimal.valueOf((long) sign * i))));
                if (netAt(full, p, net).isEqual(net)) {
                    return plain(p);
                }
            }
        }
        return plain(first);
    }

    private static Money netAt(BigDecimal full, BigDecimal percent, Money like) {
        BigDecimal value = full.multiply(HUNDRED.subtract(percent)).divide(HUNDRED);
        return Money.of(like.getCurrencyUnit(), value, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal p) {
        return p.signum() < 0 ? BigDecimal.ZERO.setScale(2) : p.compareTo(HUNDRED) > 0 ? HUNDRED.setScale(2) : p;
    }

    /** No exponent, no trailing zeros. */
    public static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
