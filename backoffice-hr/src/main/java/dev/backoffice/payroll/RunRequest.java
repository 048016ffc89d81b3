package dev.backoffice.payroll;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run: a jurisdiction's payroll for one period.
 *
 * @param id           the run's id (supply one to make approval idempotent-safe to log; fresh otherwise)
 * @param jurisdiction the rules, e.g. {@code PL} or {@code GB}
 * @param period       the pay period (calendar month)
 * @param payDate      the pay date: decides the tax year (and the UK tax month); within the
 *                     period or the following month
 * @param kind         a regular run, or a correction of an approved period
 * @param inputs       per-employee inputs; employees without one get {@link PeriodInput#none}
 */
public record RunRequest(PayrollRunId id, String jurisdiction, YearMonth period, LocalDate payDate, RunKind kind, List<PeriodInput> inputs) {
    public RunRequest {
        Check.notNull(id, "id");
        Check.notBlank(jurisdiction, "jurisdiction");
        Check.notNull(period, "period");
        Check.notNull(payDate, "payDate");
        Check.that(!payDate.isBefore(period.atDay(1)) && !payDate.isAfter(period.plusMonths(1).atEndOfMonth()),
                "payDate", "must be within the period or the following month", payDate);
        Check.notNull(kind, "kind");
        inputs = List.copyOf(Check.notNull(inputs, "inputs"));
        Set<EmployeeId> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            PeriodInput in = Check.notNull(inputs.get(i), "inputs[" + i + "]");
            if (!seen.add(in.employeeId())) {
                throw InvalidRequestException.of("inputs[" + i + "].employeeId", "appears twice", in.employeeId());
            }
        }
    }

    /** A regular run paid on the last day of the period, with no inputs yet. */
    public static RunRequest regular(String jurisdiction, YearMonth period) {
        return new RunRequest(PayrollRunId.newId(), jurisdiction, period, period.atEndOfMonth(), RunKind.REGULAR, List.of());
    }

    /** A correction run of an approved period, paid on {@code payDate}. */
    public static RunRequest correction(String jurisdiction, YearMonth period, LocalDate payDate) {
        return new RunRequest(PayrollRunId.newId(), jurisdiction, period, payDate, RunKind.CORRECTION, List.of());
    }

    /** The same request with these inputs. */
    public RunRequest withInputs(List<PeriodInput> newInputs) {
        return new RunRequest(id, jurisdiction, period, payDate, kind, newInputs);
    }

    /** The same request with these inputs. */
    public RunRequest withInputs(PeriodInput... newInputs) {
        return withInputs(List.of(newInputs));
    }

    /** The same request paid on another date. */
    public RunRequest withPayDate(LocalDate date) {
        return new RunRequest(id, jurisdiction, period, date, kind, inputs);
    }

    /** The same request under another run id. */
    public RunRequest withId(PayrollRunId runId) {
        return new RunRequest(runId, jurisdiction, period, payDate, kind, inputs);
    }
}
