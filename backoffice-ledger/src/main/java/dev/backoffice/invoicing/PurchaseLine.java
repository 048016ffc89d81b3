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
 * @param vat         the VAT charged on it, not negative, in the invoice's currency
 */
public record PurchaseLine(String description, VatRate vatRate, Money net, Money vat) {
    public PurchaseLine {
        Check.notNull(description, "description");
        Check.notNull(vatRate, "vatRate");
        Check.notNull(net, "net");
        Check.notNull(vat, "vat");
    }

    /** A line. */
    public static PurchaseLine of(String description, VatRate vatRate, Money net, Money vat) {
        return new PurchaseLine(description, vatRate, net, vat);
    }
}
