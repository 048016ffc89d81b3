package dev.backoffice.payroll.internal;

import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PayrollRunId;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.RunKind;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.jurisdiction.CalculationContext;
import dev.backoffice.payroll.jurisdiction.ContractSegment;
import dev.backoffice.payroll.jurisdiction.Jurisdiction;
import dev.backoffice.payroll.jurisdiction.TaxYear;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One employee's payslip of a run: the jurisdiction's pipeline over the employee's contract
 * segments, inputs and year to date (the per-employee hot path), and for a correction the
 * difference from what was approved. Stateless; safe to call from many threads at once.
 */
final class EmployeeCalculation {

    /**
     * A payslip and, for a computed (not corrected) one, its totals by journal role.
     *
     * @param payslip       the payslip
     * @param journalTotals minor units by {@code JournalRole} ordinal; null for a correction's
     *                      difference (its journal is built from the payslips)
     */
    record Result(Payslip payslip, long[] journalTotals) {
    }

    private EmployeeCalculation() {
    }

    /**
     * The payslip of employee {@code id} in a run over {@code in}, or null for a correction with
     * nothing to correct.
     */
    static Result of(RunInputs in, EmployeeId id, EmployerSettings settings) {
        RunRequest request = in.request();
        Employee e = in.employees().get(id);
        Map<String, Long> now = in.ytdNow().getOrDefault(id, Map.of());
        LongMap before = YearToDate.before(now, in.later().get(id));
        List<ContractSegment> segments = Segments.of(in.contracts().getOrDefault(id, List.of()), in.from(), in.to());
        Payslip full;
        if (segments.isEmpty()) {
            full = null; // a correction for someone whose contract was removed from the period
        } else {
            PeriodInput input = in.inputs().getOrDefault(id, PeriodInput.none(id));
            Result c = calculate(in.jurisdiction(), request.id(), e, in.period(), request.payDate(), in.taxYear(), segments, input, before, settings);
            if (request.kind() == RunKind.REGULAR) {
                return c;
            }
            full = c.payslip();
        }
        Payslip diff = Corrections.difference(request.id(), e, in.period(), request.payDate(), in.jurisdiction(), in.taxYear().label(),
                full, in.previous().getOrDefault(id, List.of()), now);
        return diff == null ? null : new Result(diff, null);
    }

    /** One employee's payslip (and its journal totals) from its inputs: the pipeline, once. */
    static Result calculate(Jurisdiction j, PayrollRunId runId, Employee e, YearMonth period, LocalDate payDate, TaxYear taxYear,
                            List<ContractSegment> segments, PeriodInput in, LongMap before, EmployerSettings settings) {
        CalculationContext ctx = new CalculationContext(e, period, payDate, taxYear, segments, in, key -> before.getOrDefault(key, 0L), settings);
        PayslipAssembler sink = PayslipAssembler.create(j.currency());
        j.calculate(ctx, sink);
        Payslip full = sink.build(runId, e, period, payDate, j.code(), taxYear.label(), RunKind.REGULAR, before);
        return new Result(full, sink.journalTotals());
    }
}
