package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.core.validation.Check;

import java.time.LocalDate;

/**
 * A jurisdiction's tax year: Poland's calendar year, the UK's 6 April to 5 April.
 *
 * @param label  e.g. {@code 2025} or {@code 2025/26}
 * @param start  first day
 * @param end    last day
 * @param period the pay period's number within the year (1-12; the UK tax month)
 */
public record TaxYear(String label, LocalDate start, LocalDate end, int period) {
    public TaxYear {
        Check.notBlank(label, "label");
        Check.notNull(start, "start");
        Check.notNull(end, "end");
        Check.that(period >= 1 && period <= 12, "period", "must be 1 to 12", period);
    }
}
