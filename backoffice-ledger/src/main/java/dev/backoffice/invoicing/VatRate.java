package dev.backoffice.invoicing;

import java.math.BigDecimal;

/**
 * The VAT rates an invoice line may carry, by the seller's country. A line's rate must be of
 * the seller's country ({@link InvoicingErrorCode#UNKNOWN_VAT_RATE} otherwise).
 *
 * <p>Poland (ustawa o podatku od towarow i uslug): 23, 8 and 5 percent, 0 percent, exempt
 * ({@code zw}, art. 43 and 113), not subject to Polish VAT ({@code np}, e.g. services taxed where
 * the buyer is) and reverse charge ({@code oo}, the buyer accounts for the VAT). The United
 * Kingdom (VAT Act 1994): standard 20, reduced 5, zero 0 and exempt. The code is the one
 * e-invoices use (FA(3) {@code P_12}).
 */
public enum VatRate {
    /** Poland, standard 23 %. */
    PL_23("PL", "23", "23", Treatment.TAXED),
    /** Poland, reduced 8 %. */
    PL_8("PL", "8", "8", Treatment.TAXED),
    /** Poland, reduced 5 %. */
    PL_5("PL", "5", "5", Treatment.TAXED),
    /** Poland, 0 % (domestic supply at zero rate). */
    PL_0("PL", "0 KR", "0", Treatment.ZERO_RATED),
    /** Poland, exempt ({@code zw}). */
    PL_EXEMPT("PL", "zw", "0", Treatment.EXEMPT),
    /** Poland, not subject to Polish VAT ({@code np}). */
    PL_NOT_SUBJECT("PL", "np I", "0", Treatment.OUT_OF_SCOPE),
    /** Poland, reverse charge ({@code oo}): the buyer accounts for the VAT; the buyer needs a tax id. */
    PL_REVERSE_CHARGE("PL", "oo", "0", Treatment.REVERSE_CHARGE),
    /** United Kingdom, standard 20 %. */
    GB_20("GB", "20", "20", Treatment.TAXED),
    /** United Kingdom, reduced 5 %. */
    GB_5("GB", "5", "5", Treatment.TAXED),
    /** United Kingdom, zero rate. */
    GB_0("GB", "0", "0", Treatment.ZERO_RATED),
    /** United Kingdom, exempt. */
    GB_EXEMPT("GB", "exempt", "0", Treatment.EXEMPT);

    /** How a rate treats the supply. */
    public enum Treatment {
        /** VAT at a positive percentage. */
        TAXED,
        /** Taxable at 0 %. */
        ZERO_RATED,
        /** Exempt from VAT. */
        EXEMPT,
        /** Outside the scope of the seller's VAT. */
        OUT_OF_SCOPE,
        /** Taxable, but the buyer accounts for the VAT. */
        REVERSE_CHARGE
    }

    private final String country;
    private final String code;
    private final BigDecimal percent;
    private final Treatment treatment;

    VatRate(String country, String code, String percent, Treatment treatment) {
        this.country = country;
        this.code = code;
        this.percent = new BigDecimal(percent);
        this.treatment = treatment;
    }

    /** The country whose law defines the rate (ISO 3166 alpha-2). */
    public String country() {
        return country;
    }

    /** The rate's code on e-invoices: {@code 23}, {@code zw}, {@code oo}, {@code exempt}... */
    public String code() {
        return code;
    }

    /** The percentage charged by the seller (0 for every rate that is not {@link Treatment#TAXED}). */
    public BigDecimal percent() {
        return percent;
    }

    /** How the rate treats the supply. */
    public Treatment treatment() {
        return treatment;
    }
}
