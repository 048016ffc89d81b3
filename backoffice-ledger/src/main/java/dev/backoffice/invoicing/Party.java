package dev.backoffice.invoicing;

import dev.backoffice.core.validation.Check;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seller or the buyer of an invoice.
 *
 * @param name    the registered name, 1..{@value InvoicingLimits#MAX_NAME_LENGTH} characters
 * @param country where the party is established: ISO 3166 alpha-2 ({@code PL}, {@code GB},
 *                {@code DE}); the seller's country chooses the VAT rates an invoice may use
 * @param taxId   the VAT number, if the party has one (a seller must; a consumer buyer has none)
 * @param address one address line, 1..{@value InvoicingLimits#MAX_ADDRESS_LENGTH} characters
 */
public record Party(String name, String country, Optional<TaxId> taxId, String address) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Party {
        Check.text(name, "name", InvoicingLimits.MAX_NAME_LENGTH);
        Check.notNull(country, "country");
        if (!COUNTRY.matcher(country).matches()) {
            throw InvoicingErrorCode.INVALID_COUNTRY.exception("country", "must be an ISO 3166 alpha-2 code in capitals", country);
        }
        Check.notNull(taxId, "taxId");
        Check.text(address, "address", InvoicingLimits.MAX_ADDRESS_LENGTH);
    }

    /**
     * A party with a tax id issued by its own country (a prefix on {@code taxId} is allowed),
     * checked as {@link TaxId#of(String, String)} says.
     */
    public static Party of(String name, String country, String taxId, String address) {
        Check.notNull(country, "country");
        String c = country.strip().toUpperCase(Locale.ROOT);
        return new Party(name, c, Optional.of(TaxId.of(c.equals("GR") ? "EL" : c, taxId)), address);
    }

    /** A party with the tax id {@code taxId} (of any country). */
    public static Party of(String name, String country, TaxId taxId, String address) {
        return new Party(name, country, Optional.of(Check.notNull(taxId, "taxId")), address);
    }

    /** A party without a tax id (a consumer). */
    public static Party withoutTaxId(String name, String country, String address) {
        return new Party(name, country, Optional.empty(), address);
    }
}
