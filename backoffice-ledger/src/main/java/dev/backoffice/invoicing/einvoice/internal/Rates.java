package dev.backoffice.invoicing.einvoice.internal;

import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.einvoice.UblTaxCategory;

import java.math.BigDecimal;
import java.util.Optional;

/** The SDK's VAT rate behind a document's VAT category (UBL) or rate code (FA(3) {@code P_12}). */
public final class Rates {

    private Rates() {
    }

    /** The rate of {@code category} at {@code percent} for a seller of {@code country}, if the SDK has one. */
    public static Optional<VatRate> ofCategory(UblTaxCategory category, BigDecimal percent, String country) {
        for (VatRate r : VatRate.values()) {
            if (!r.country().equals(country)) {
                continue;
            }
            boolean match = switch (category) {
                case S -> r.treatment() == VatRate.Treatment.TAXED && percent != null && r.percent().compareTo(percent) == 0;
                case Z, K, G -> r.treatment() == VatRate.Treatment.ZERO_RATED;
                case E -> r.treatment() == VatRate.Treatment.EXEMPT;
                case AE -> r.treatment() == VatRate.Treatment.REVERSE_CHARGE;
                case O -> r.treatment() == VatRate.Treatment.OUT_OF_SCOPE;
            };
            if (match) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The Polish rate with FA(3) code {@code code} ({@code P_12}), if any. */
    public static Optional<VatRate> ofFa3Code(String code) {
        for (VatRate r : VatRate.values()) {
            if (r.country().equals("PL") && r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
