package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

/**
 * One line of a supplier's invoice as it is printed on it (or one VAT rate's total of it): the
 * net amount and the VAT the supplier charged. A purchase is registered with the supplier's
 * figures, not recomputed; {@link NewPurchaseInvoice} checks each VAT amount against its net
 * amount and rate (see {@link PurchaseLimits#MAX_VAT_DIFFERENCE_MINOR}). The constructor only
 * refuses nulls, so that an error names the line ({@code lines[1].vat}).
 *
 * @param description what was bought, 1..{@value InvoicingLimits#MAX_DESCRIPTION_LENGTH} characters
 * @param vatRate     the VAT rate, of the buyer's country (the VAT deducted is the buyer's country's)
 * @param net         the net amount, not negative, in the invoice's currency
 * @param vat         the VAT charged on it, not negative, in the invoice's currency (zero on a reverse-charge line)
 * @param reverseCharge whether the buyer accounts for the VAT (odwrotne obciążenie: art. 17 ust. 1 pkt 4
 *                    and 7-8 ustawy o VAT, e.g. services bought from another EU state, art. 28b): the
 *                    supplier charges none, the buyer self-assesses it at {@code vatRate} as output VAT
 *                    and deducts it as input VAT (art. 86 ust. 2 pkt 4)
 */
public record PurchaseLine(String description, VatRate vatRate, Money net, Money vat, boolean reverseCharge) {
    public PurchaseLine {
        Check.notNull(description, "description");
        Check.notNull(vatRate, "vatRate");
        Check.notNull(net, "net");
        Check.notNull(vat, "vat");
    }

    /** A line on which the supplier charged {@code vat}. */
    public PurchaseLine(String description, VatRate vatRate, Money net, Money vat) {
        this(description, vatRate, net, vat, false);
    }

    /**
     * A reverse-charge line: the supplier charged no VAT on {@code net}; the buyer self-assesses it
     * at {@code rate}, a rate of its own country (art. 17 ust. 1 pkt 4, art. 86 ust. 2 pkt 4 ustawy o VAT).
     */
    public static PurchaseLine reverseCharge(String description, VatRate rate, Money net) {
        return new PurchaseLine(description, rate, net, Money.zero(Check.notNull(net, "net").getCurrencyUnit()), true);
    }

    /** A line. */
    public static PurchaseLine of(String description, VatRate vatRate, Money net, Money vat) {
        return new PurchaseLine(description, vatRate, net, vat);
    }
}
