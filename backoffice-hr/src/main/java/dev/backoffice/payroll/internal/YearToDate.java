package dev.backoffice.payroll.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * An employee's year to date as it stood before a period: the stored totals minus the deltas of
 * the approved payslips of that period and later ones (a correction recomputes its period
 * against the figures it was first computed on).
 */
final class YearToDate {

    private YearToDate() {
    }

    /**
     * The totals before the period.
     *
     * @param now   the stored totals (minor units by key)
     * @param later the deltas of approved payslips from the period on, or null for none
     */
    static LongMap before(Map<String, Long> now, Map<String, Long> later) {
        if (later == null || later.isEmpty()) {
            return LongMap.copyOf(now);
        }
        Map<String, Long> negated = new HashMap<>();
        later.forEach((k, v) -> negated.put(k, -v));
        return LongMap.copyOf(LongMap.plus(now, negated));
    }
}
