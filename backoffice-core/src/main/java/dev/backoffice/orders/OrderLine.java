package dev.backoffice.orders;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an order: a SKU, a quantity, a unit price (net of tax) and a tax rate.
 *
 * <h2>Rounding (line level)</h2>
 * <ul>
 *   <li>{@link #net()} = unit price x quantity, exact (no rounding: both are exact).</li>
 *   <li>{@link #tax()} = net x rate / 100, rounded once per line to the currency's scale with
 *       {@link RoundingMode#HALF_UP}.</li>
 *   <li>{@link #gross()} = net + tax. The order's totals are sums of the lines' rounded
 *       amounts, so the lines always add up to the order total to the last cent.</li>
 * </ul>
 *
 * @param sku       the stock keeping unit, 1-64 characters, unique within the order
 * @param quantity  units ordered, 1 to {@link #MAX_QUANTITY}
 * @param unitPrice price of one unit, net of tax, not negative
 * @param taxRate   tax rate in percent (23 means 23 %), 0 to 100, at most 4 decimals
 */
public record OrderLine(String sku, int quantity, Money unitPrice, BigDecimal taxRate) {

    /** Longest SKU accepted. */
    public static final int MAX_SKU_LENGTH = 64;
    /** Largest quantity of one line. */
    public static final int MAX_QUANTITY = 1_000_000;
    /** Most lines in one order. */
    public static final int MAX_LINES = 500;
    /** The rounding applied to each line's tax. */
    public static final RoundingMode TAX_ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public OrderLine {
        Check.text(sku, "sku", MAX_SKU_LENGTH);
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw OrderErrorCode.INVALID_QUANTITY.invalid("quantity",
                    "must be between 1 and " + MAX_QUANTITY, quantity);
        }
        Check.notNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw OrderErrorCode.INVALID_PRICE.invalid("unitPrice", "must not be negative", unitPrice);
        }
        Check.notNull(taxRate, "taxRate");
        if (taxRate.signum() < 0 || taxRate.compareTo(HUNDRED) > 0 || taxRate.stripTrailingZeros().scale() > 4) {
            throw OrderErrorCode.INVALID_TAX_RATE.invalid("taxRate",
                    "must be a percentage between 0 and 100 with at most 4 decimals", taxRate);
        }
        taxRate = taxRate.stripTrailingZeros();
        if (taxRate.scale() < 0) {
            taxRate = taxRate.setScale(0, RoundingMode.UNNECESSARY);
        }
    }

    /** A line of {@code quantity} x {@code unitPrice} taxed at {@code taxRatePercent} %. */
    public static OrderLine of(String sku, int quantity, Money unitPrice, String taxRatePercent) {
        Check.notNull(taxRatePercent, "taxRate");
        BigDecimal rate;
        try {
            rate = new BigDecimal(taxRatePercent);
        } catch (NumberFormatException e) {
            throw OrderErrorCode.INVALID_TAX_RATE.invalid("taxRate", "must be a decimal number", taxRatePercent);
        }
        return new OrderLine(sku, quantity, unitPrice, rate);
    }

    /** Unit price x quantity, exact. */
    public Money net() {
        return MoneyMath.ofMinor(unitPrice.getCurrencyUnit(), MoneyMath.multiplyExact(MoneyMath.toMinor(unitPrice), quantity));
    }

    /** Net x tax rate, rounded half-up once for the line. */
    public Money tax() {
        return MoneyMath.percent(net(), taxRate, TAX_ROUNDING);
    }

    /** Net + tax. */
    public Money gross() {
        return MoneyMath.plus(net(), tax());
    }
}
