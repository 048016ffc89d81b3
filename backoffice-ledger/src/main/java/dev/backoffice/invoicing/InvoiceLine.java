package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.BigMoney;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an invoice: what was sold, how much, at which net unit price, discount and VAT
 * rate. The line is checked when the invoice is ({@link NewInvoice}), so an error names the line
 * ({@code lines[2].quantity}); the constructor only refuses nulls.
 *
 * @param description     what was sold, 1..{@value InvoicingLimits#MAX_DESCRIPTION_LENGTH} characters
 * @param quantity        how much, positive, at most {@value InvoicingLimits#MAX_QUANTITY_SCALE} decimals
 *                        (zero on the after side of a credit note line that is taken back in full)
 * @param unit            the unit of measure ("szt.", "h", "kg"), 1..{@value InvoicingLimits#MAX_UNIT_LENGTH} characters
 * @param unitNetPrice    the net price of one unit in the invoice's currency, not negative, at most
 *                        {@value InvoicingLimits#MAX_PRICE_SCALE} decimals
 * @param discountPercent the discount on the line, 0..100 with at most two decimals
 * @param vatRate         the VAT rate, of the seller's country
 * @param annex15         whether the goods or services are listed in annex 15 to the Polish VAT Act
 *                        (FA(3) {@code P_12_Zal_15}), which with the amount decides the split-payment
 *                        marking ({@link SplitPayment})
 */
public record InvoiceLine(String description, BigDecimal quantity, String unit, BigMoney unitNetPrice,
                          BigDecimal discountPercent, VatRate vatRate, boolean annex15) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public InvoiceLine {
        Check.notNull(description, "description");
        Check.notNull(quantity, "quantity");
        Check.notNull(unit, "unit");
        Check.notNull(unitNetPrice, "unitNetPrice");
        Check.notNull(discountPercent, "discountPercent");
        Check.notNull(vatRate, "vatRate");
    }

    /** A line of goods or services not listed in annex 15. */
    public InvoiceLine(String description, BigDecimal quantity, String unit, BigMoney unitNetPrice, BigDecimal discountPercent,
                       VatRate vatRate) {
        this(description, quantity, unit, unitNetPrice, discountPercent, vatRate, false);
    }

    /**
     * This line marked as goods or services listed in annex 15 to the Polish VAT Act (steel,
     * fuels, electronics, scrap...: ustawa o VAT, załącznik nr 15), the caller's statement of
     * what it sells; the split-payment marking then follows from the amount ({@link SplitPayment}).
     */
    public InvoiceLine withAnnex15() {
        return new InvoiceLine(description, quantity, unit, unitNetPrice, discountPercent, vatRate, true);
    }

    /** A line without discount. */
    public static InvoiceLine of(String description, BigDecimal quantity, String unit, BigMoney unitNetPrice, VatRate vatRate) {
        return new InvoiceLine(description, quantity, unit, unitNetPrice, BigDecimal.ZERO, vatRate);
    }

    /** A line without discount, priced in whole minor units. */
    public static InvoiceLine of(String description, BigDecimal quantity, String unit, Money unitNetPrice, VatRate vatRate) {
        return of(description, quantity, unit, Check.notNull(unitNetPrice, "unitNetPrice").toBigMoney(), vatRate);
    }

    /** This line with {@code percent} discount. */
    public InvoiceLine discount(BigDecimal percent) {
        return new InvoiceLine(description, quantity, unit, unitNetPrice, percent, vatRate, annex15);
    }

    /** This line with another quantity (the after side of a credit note line). */
    public InvoiceLine withQuantity(BigDecimal newQuantity) {
        return new InvoiceLine(description, newQuantity, unit, unitNetPrice, discountPercent, vatRate, annex15);
    }

    /**
     * The line's net value (FA(3) {@code P_11}): quantity times unit price less the discount,
     * rounded half up to the currency's minor unit. Exact until that one rounding.
     */
    public Money netValue() {
        BigDecimal gross = quantity.multiply(unitNetPrice.getAmount());
        BigDecimal net = gross.multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED);
        return Money.of(unitNetPrice.getCurrencyUnit(), net, RoundingMode.HALF_UP);
    }
}
