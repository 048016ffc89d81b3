package dev.backoffice.invoicing.einvoice;

import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.VatRate;

import java.util.Optional;
import java.util.Set;

/**
 * The EN 16931 VAT category (UNCL 5305 subset, BT-118/BT-151) of an SDK VAT rate on a given
 * invoice, with the exemption reason code (VATEX list, BT-121) the category requires.
 *
 * <p>How the SDK's rates map (EN 16931-1:2017 clause 6.4 and the BR-S/Z/E/AE/IC/G/O rules):
 * a taxed rate ({@link VatRate.Treatment#TAXED}) is {@code S}; a zero rate is {@code Z} when the
 * buyer is in the seller's VAT territory, {@code K} (intra-community supply, Council Directive
 * 2006/112/EC art. 138) when seller and buyer are in different EU member states and the buyer has
 * a VAT number, and {@code G} (export, art. 146; for a UK seller VAT Act 1994 s.30(6)) when the
 * buyer is outside the seller's VAT territory; an exempt rate is {@code E}; reverse charge is
 * {@code AE} (art. 194-199); not subject to the seller's VAT is {@code O}.
 */
public enum UblTaxCategory {
    /** Standard rate. */
    S("S", null),
    /** Zero rated goods. */
    Z("Z", null),
    /** Exempt from tax. */
    E("E", null),
    /** VAT reverse charge. */
    AE("AE", "VATEX-EU-AE"),
    /** Intra-community supply (VAT exempt for EEA intra-community supply of goods and services). */
    K("K", "VATEX-EU-IC"),
    /** Free export item, VAT not charged. */
    G("G", "VATEX-EU-G"),
    /** Services outside scope of tax. */
    O("O", "VATEX-EU-O");

    /** EU member states by VAT prefix ({@code EL} for Greece, {@code XI} Northern Ireland for goods). */
    static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "GR", "HR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PT", "PL", "RO", "SK", "SI", "ES", "SE");

    private final String code;
    private final String exemptionCode;

    UblTaxCategory(String code, String exemptionCode) {
        this.code = code;
        this.exemptionCode = exemptionCode;
    }

    /** The UNCL 5305 code written to {@code cac:ClassifiedTaxCategory/cbc:ID}. */
    public String code() {
        return code;
    }

    /** The VATEX exemption reason code the category carries, if it has a fixed one. */
    public Optional<String> exemptionCode() {
        return Optional.ofNullable(exemptionCode);
    }

    /** Whether the category carries a VAT rate percentage ({@code O} carries none, BR-O-05). */
    public boolean hasPercent() {
        return this != O;
    }

    /** Whether the category needs an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10). */
    public boolean needsExemptionReason() {
        return this != S && this != Z;
    }

    /** The category of {@code rate} on an invoice from {@code seller} to {@code buyer}. */
    public static UblTaxCategory of(VatRate rate, Party seller, Party buyer) {
        Check.notNull(rate, "rate");
        Check.notNull(seller, "seller");
        Check.notNull(buyer, "buyer");
        return switch (rate.treatment()) {
            case TAXED -> S;
            case EXEMPT -> E;
            case REVERSE_CHARGE -> AE;
            case OUT_OF_SCOPE -> O;
            case ZERO_RATED -> zeroRated(seller, buyer);
        };
    }

    private static UblTaxCategory zeroRated(Party seller, Party buyer) {
        String from = seller.country();
        String to = buyer.country();
        if (from.equals(to)) {
            return Z;
        }
        boolean bothInEu = EU.contains(from) && EU.contains(to);
        if (bothInEu) {
            return buyer.taxId().isPresent() ? K : Z;
        }
        return G;
    }

    /** The category with UNCL 5305 code {@code code}, if it is one of these. */
    public static Optional<UblTaxCategory> ofCode(String code) {
        for (UblTaxCategory c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
