package dev.backoffice.invoicing.einvoice.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UN/ECE Recommendation 20 unit codes for UBL's {@code unitCode} (EN 16931 BT-130), which
 * Peppol checks against the code list: a unit that already is one of the codes below is kept, a
 * common name ("szt.", "pcs", "h", "kg", "m2"...) is mapped to its code, anything else has none.
 */
public final class UnitCodes {

    /** The codes the SDK writes: a subset of Recommendation 20 (rev. 17), every one in Peppol's list. */
    static final Set<String> CODES = Set.of("C62", "H87", "EA", "HUR", "MIN", "SEC", "DAY", "WEE", "MON", "ANN", "KGM", "GRM",
            "TNE", "MTR", "KMT", "CMT", "MTK", "MTQ", "LTR", "KWH", "SET", "PR");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("szt", "C62"), Map.entry("szt.", "C62"), Map.entry("pcs", "C62"), Map.entry("pc", "C62"),
            Map.entry("piece", "C62"), Map.entry("pieces", "C62"), Map.entry("unit", "C62"), Map.entry("units", "C62"),
            Map.entry("item", "C62"), Map.entry("items", "C62"), Map.entry("each", "EA"),
            Map.entry("h", "HUR"), Map.entry("hr", "HUR"), Map.entry("hour", "HUR"), Map.entry("hours", "HUR"),
            Map.entry("godz", "HUR"), Map.entry("godz.", "HUR"), Map.entry("min", "MIN"), Map.entry("s", "SEC"),
            Map.entry("day", "DAY"), Map.entry("days", "DAY"), Map.entry("d", "DAY"), Map.entry("dzien", "DAY"),
            Map.entry("week", "WEE"), Map.entry("weeks", "WEE"), Map.entry("month", "MON"), Map.entry("months", "MON"),
            Map.entry("mies.", "MON"), Map.entry("year", "ANN"), Map.entry("years", "ANN"),
            Map.entry("kg", "KGM"), Map.entry("g", "GRM"), Map.entry("t", "TNE"), Map.entry("m", "MTR"), Map.entry("km", "KMT"),
            Map.entry("cm", "CMT"), Map.entry("m2", "MTK"), Map.entry("m\u00b2", "MTK"), Map.entry("m3", "MTQ"),
            Map.entry("m\u00b3", "MTQ"), Map.entry("l", "LTR"), Map.entry("kwh", "KWH"), Map.entry("set", "SET"),
            Map.entry("kpl.", "SET"), Map.entry("pair", "PR"), Map.entry("pairs", "PR"));

    private UnitCodes() {
    }

    /** The Recommendation 20 code of {@code unit}, if it is a code the SDK writes or a name it knows. */
    public static Optional<String> of(String unit) {
        if (CODES.contains(unit)) {
            return Optional.of(unit);
        }
        return Optional.ofNullable(NAMES.get(unit.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code code} is one of the codes the SDK writes (and so reads). */
    public static boolean isCode(String code) {
        return CODES.contains(code);
    }
}
