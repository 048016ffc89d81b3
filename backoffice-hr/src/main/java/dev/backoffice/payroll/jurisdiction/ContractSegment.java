package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.core.validation.Check;
import dev.backoffice.payroll.ContractTerms;

import java.time.LocalDate;

/**
 * A stretch of the pay period under one set of contract terms: the period cut by contract
 * start, end and term changes. Proration works segment by segment.
 *
 * @param from  first day, inside the period
 * @param to    last day, inside the period
 * @param terms the terms in force
 */
public record ContractSegment(LocalDate from, LocalDate to, ContractTerms terms) {
    public ContractSegment {
        Check.notNull(from, "from");
        Check.notNull(to, "to");
        Check.notNull(terms, "terms");
        Check.that(!to.isBefore(from), "to", "must not be before from", to);
    }
}
