package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An employment contract (in Poland: umowa o pracę): who, from when to when, and its pay terms
 * over time.
 *
 * <p>Invariants, checked here: the end (if any) is not before the start; the first terms start
 * on the start date; terms are in strictly increasing order of {@code effectiveFrom} and none
 * starts after the end; every terms' currency is the same. Overlap with the employee's other
 * contracts is checked by the store, which sees them all.
 *
 * @param id         the contract's id
 * @param employeeId whose contract
 * @param start      first day of employment under it
 * @param end        last day, or {@code null} while open-ended
 * @param terms      pay terms, sorted by effective date, the first effective on {@code start}
 */
public record Contract(ContractId id, EmployeeId employeeId, LocalDate start, LocalDate end, List<ContractTerms> terms) {
    public Contract {
        Check.notNull(id, "id");
        Check.notNull(employeeId, "employeeId");
        Check.notNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw PayrollErrorCode.CONTRACT_ENDS_BEFORE_START.invalid("end", "must not be before start " + start, end);
        }
        Check.notEmpty(terms, "terms");
        List<ContractTerms> sorted = new ArrayList<>(terms);
        for (int i = 0; i < sorted.size(); i++) {
            Check.notNull(sorted.get(i), "terms[" + i + "]");
        }
        sorted.sort(Comparator.comparing(ContractTerms::effectiveFrom));
        Check.that(sorted.get(0).effectiveFrom().equals(start), "terms[0].effectiveFrom", "must equal the contract start " + start,
                sorted.get(0).effectiveFrom());
        for (int i = 1; i < sorted.size(); i++) {
            Check.that(sorted.get(i).effectiveFrom().isAfter(sorted.get(i - 1).effectiveFrom()), "terms[" + i + "].effectiveFrom",
                    "must be after the previous terms", sorted.get(i).effectiveFrom());
            Check.that(sorted.get(i).rate().getCurrencyUnit().equals(sorted.get(0).rate().getCurrencyUnit()), "terms[" + i + "].rate",
                    "must be in the contract's currency " + sorted.get(0).rate().getCurrencyUnit(), sorted.get(i).rate());
            if (end != null && sorted.get(i).effectiveFrom().isAfter(end)) {
                throw PayrollErrorCode.CONTRACT_ENDS_BEFORE_START.invalid("terms[" + i + "].effectiveFrom",
                        "must not be after the contract end " + end, sorted.get(i).effectiveFrom());
            }
        }
        terms = List.copyOf(sorted);
    }

    /** An open-ended contract with one set of terms from {@code start}. */
    public static Contract of(EmployeeId employeeId, ContractTerms terms) {
        return new Contract(ContractId.newId(), employeeId, terms.effectiveFrom(), null, List.of(terms));
    }

    /** The same contract ending on {@code lastDay}. */
    public Contract endingOn(LocalDate lastDay) {
        return new Contract(id, employeeId, start, lastDay, terms);
    }

    /** The same contract with further terms from their effective date (a raise, a change of fraction). */
    public Contract withChange(ContractTerms change) {
        Check.notNull(change, "change");
        List<ContractTerms> all = new ArrayList<>(terms);
        all.removeIf(t -> !t.effectiveFrom().isBefore(change.effectiveFrom()));
        all.add(change);
        return new Contract(id, employeeId, start, end, all);
    }

    /** Whether this contract covers any day of [{@code from}, {@code to}]. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !start.isAfter(to) && (end == null || !end.isBefore(from));
    }

    /** Whether the two contracts share a day. */
    public boolean overlaps(Contract other) {
        return overlaps(other.start, other.end == null ? LocalDate.MAX : other.end);
    }
}
