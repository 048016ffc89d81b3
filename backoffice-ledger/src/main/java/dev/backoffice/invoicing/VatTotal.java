package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import java.util.Optional;

/**
 * The totals of one VAT rate on an invoice (FA(3) {@code P_13_x}, {@code P_14_x},
 * {@code P_14_xW}). Negative on a credit note that takes value back.
 *
 * @param rate     the VAT rate
 * @param net      the sum of the net values of the rate's lines
 * @param vat      the VAT of that sum, rounded half up to the minor unit (see {@link NewInvoice})
 * @param gross    {@code net + vat}
 * @param netLocal {@code net} in the seller's VAT currency, for a foreign-currency invoice
 * @param vatLocal {@code vat} in the seller's VAT currency, for a foreign-currency invoice
 */
public record VatTotal(VatRate rate, Money net, Money vat, Money gross, Optional<Money> netLocal, Optional<Money> vatLocal) {
    public VatTotal {
        Check.notNull(rate, "rate");
        Check.notNull(net, "net");
        Check.notNull(vat, "vat");
        Check.notNull(gross, "gross");
        Check.notNull(netLocal, "netLocal");
        Check.notNull(vatLocal, "vatLocal");
    }
}
