package dev.backoffice.payroll.internal;

import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.PayrollErrorCode;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.uk.UkPayroll;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The jurisdictions an engine knows, looked up by code, in any letter case, or by a common alias. */
public final class Jurisdictions {

    /** Common names accepted for a jurisdiction code (ISO 3166 {@code GB} is the code of the United Kingdom). */
    private static final Map<String, String> ALIASES = Map.of("UK", UkPayroll.CODE);

    private final Map<String, Jurisdiction> byCode;

    private Jurisdictions(Map<String, Jurisdiction> byCode) {
        this.byCode = byCode;
    }

    /**
     * The registry of {@code byCode} (copied).
     *
     * @param byCode jurisdictions by their exact code
     * @return the registry
     */
    public static Jurisdictions create(Map<String, Jurisdiction> byCode) {
        return new Jurisdictions(Map.copyOf(Check.notNull(byCode, "jurisdictions")));
    }

    /**
     * The jurisdiction of {@code code}: an exact code ({@code PL}, {@code GB}), the same in any
     * letter case, or a common alias ({@code UK} for {@code GB}).
     *
     * @param code the code
     * @return the jurisdiction
     * @throws dev.backoffice.core.error.InvalidRequestException {@code payroll.unknown_jurisdiction}, naming the
     *         codes and aliases that exist
     */
    public Jurisdiction get(String code) {
        Check.notNull(code, "jurisdiction");
        Jurisdiction j = byCode.get(code);
        if (j == null) {
            String upper = code.strip().toUpperCase(Locale.ROOT);
            j = byCode.get(ALIASES.getOrDefault(upper, upper));
        }
        if (j == null) {
            throw PayrollErrorCode.UNKNOWN_JURISDICTION.invalid("jurisdiction",
                    "has no rules registered (codes: " + new TreeSet<>(byCode.keySet()) + ", aliases: " + new TreeMap<>(ALIASES) + ")", code);
        }
        return j;
    }
}
