package dev.backoffice.invoicing.einvoice.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The Peppol electronic address scheme (EAS code list, BT-34/BT-49 {@code schemeID}) under which a
 * party's VAT number is its Peppol endpoint: the 99xx "VAT number" schemes of the EAS list as
 * published with Peppol BIS Billing 3.0 (and checked by its rule PEPPOL-EN16931-CL008), plus
 * 0211 for the Italian partita IVA and 0198 for the Danish SE number.
 */
public final class PeppolEndpoints {

    private static final Map<String, String> VAT_SCHEME = Map.ofEntries(
            Map.entry("HU", "9910"), Map.entry("AT", "9914"), Map.entry("ES", "9920"), Map.entry("AD", "9922"),
            Map.entry("AL", "9923"), Map.entry("BA", "9924"), Map.entry("BE", "9925"), Map.entry("BG", "9926"),
            Map.entry("CH", "9927"), Map.entry("CY", "9928"), Map.entry("CZ", "9929"), Map.entry("DE", "9930"),
            Map.entry("EE", "9931"), Map.entry("GB", "9932"), Map.entry("EL", "9933"), Map.entry("HR", "9934"),
            Map.entry("IE", "9935"), Map.entry("LI", "9936"), Map.entry("LT", "9937"), Map.entry("LU", "9938"),
            Map.entry("LV", "9939"), Map.entry("MC", "9940"), Map.entry("ME", "9941"), Map.entry("MK", "9942"),
            Map.entry("MT", "9943"), Map.entry("NL", "9944"), Map.entry("PL", "9945"), Map.entry("PT", "9946"),
            Map.entry("RO", "9947"), Map.entry("RS", "9948"), Map.entry("SI", "9949"), Map.entry("SK", "9950"),
            Map.entry("SM", "9951"), Map.entry("TR", "9952"), Map.entry("VA", "9953"), Map.entry("FR", "9957"),
            Map.entry("IT", "0211"), Map.entry("DK", "0198"));

    private PeppolEndpoints() {
    }

    /** The EAS scheme of VAT numbers with prefix {@code vatPrefix}, if Peppol has one. */
    public static Optional<String> vatScheme(String vatPrefix) {
        return Optional.ofNullable(VAT_SCHEME.get(vatPrefix));
    }
}
