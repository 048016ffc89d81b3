package dev.backoffice.payroll;

import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.pl.PolishLineCodes;
import dev.backoffice.payroll.pl.PolishPayroll;
import dev.backoffice.payroll.uk.UkLineCodes;
import dev.backoffice.payroll.uk.UkPayroll;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published payslip line codes of each jurisdiction: {@link PolishLineCodes} for {@code PL},
 * {@link UkLineCodes} for {@code GB}, plus those of any jurisdiction registered with
 * {@link PayrollEngine.Builder#jurisdiction} that publishes {@link dev.backoffice.payroll.jurisdiction.Jurisdiction#lineCodes()}.
 * {@link Payslip#amount(String)} uses it to tell a code that is merely absent (zero) from a typo
 * (refused with {@code payroll.unknown_line_code}).
 */
public final class LineCodes {
    private static final Map<String, Set<String>> REGISTERED = new ConcurrentHashMap<>();

    private LineCodes() {
    }

    /** The published codes of a jurisdiction (empty if it publishes none). */
    public static Set<String> of(String jurisdiction) {
        Check.notNull(jurisdiction, "jurisdiction");
        Set<String> r = REGISTERED.get(jurisdiction);
        if (r != null) {
            return r;
        }
        return switch (jurisdiction) {
            case PolishPayroll.CODE -> PolishLineCodes.ALL;
            case UkPayroll.CODE -> UkLineCodes.ALL;
            default -> Set.of();
        };
    }

    /** Records the codes a (custom) jurisdiction publishes; called by the engine builder. */
    static void register(String jurisdiction, Set<String> codes) {
        if (!codes.isEmpty()) {
            REGISTERED.put(jurisdiction, Set.copyOf(codes));
        }
    }
}
